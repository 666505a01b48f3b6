"""The dormitories screen 学生公寓 (over the local replica)."""
