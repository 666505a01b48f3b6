"""Main window additions."""

ZH = {
    "Scholarships and aid": "奖助贷",
    "Dormitories": "学生公寓",
}
