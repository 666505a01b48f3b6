"""Import and export formats (Qt-free): student lists to and from .xlsx.

``students_xlsx`` reads, validates and writes student lists; ``student_columns`` defines the
columns once for the template, the reader and the exporter; ``reference`` is the plain data
the reader resolves classes, majors and departments against.
"""
