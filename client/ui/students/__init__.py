"""The student records screen: list, form, import, departments/majors/classes."""
