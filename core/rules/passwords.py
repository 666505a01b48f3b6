"""The password policy, applied by the server and, for inline validation, by the client."""

from __future__ import annotations

from core.errors import InvalidInputError

MIN_LENGTH = 8

# The most common passwords of published leak studies, plus local favourites. Compared
# case-insensitively; a password that is one of these is refused whatever its length.
COMMON_PASSWORDS = frozenset(
    ["123456", "123456789", "12345678", "password", "qwerty123", "qwerty", "1234567890", "1234567", "111111", "000000", "iloveyou", "123123", "abc123", "password1", "1q2w3e4r", "1qaz2wsx", "qwertyuiop", "654321", "666666", "888888", "987654321", "123321", "5201314", "woaini1314", "a123456", "a1234567", "a12345678", "abcd1234", "aa123456", "admin", "admin123", "admin@123", "administrator", "root123", "welcome", "welcome1", "letmein", "monkey", "dragon", "sunshine", "princess", "football", "baseball", "master", "superman", "batman", "trustno1", "passw0rd", "p@ssw0rd", "p@ssword", "password123", "password@123", "changeme", "changeme123", "123qwe", "123qweasd", "qweasdzxc", "zxcvbnm", "asdfghjkl", "11111111", "88888888", "12341234", "11223344", "147258369", "159753", "1314520", "jiaowu", "jiaowu123", "student", "teacher", "12345678910", "abcdefgh", "abc12345", "qwer1234", "q1w2e3r4"]
)


def password_problems(password: str, *, username: str = "") -> list[str]:
    """Every reason the password is refused, in plain words (empty when acceptable)."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"密码至少{MIN_LENGTH}个字符 (at least {MIN_LENGTH} characters)")
    if username and password.strip().lower() == username.strip().lower():
        problems.append("密码不能与用户名相同 (must not be the username)")
    if password.lower() in COMMON_PASSWORDS:
        problems.append("密码过于常见，请换一个 (too common)")
    return problems


def check_password_policy(password: str, *, username: str = "", field: str = "password") -> None:
    """Raise :class:`InvalidInputError` naming ``field`` when the password breaks the policy."""
    problems = password_problems(password, username=username)
    if problems:
        raise InvalidInputError.field(field, "；".join(problems))
