"""Fill the client's translation files: Chinese from the glossary below, English = the source.

Usage: python scripts/translations_zh.py assets/i18n/jiaowu_zh_CN.ts assets/i18n/jiaowu_en.ts
(run through scripts/update_translations.sh --fill). Existing finished Chinese translations are
kept, so a translator's edit in Qt Linguist wins over this glossary; a source string missing
here is left unfinished, and the i18n test then names it.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

# Source (English) → Chinese, in the registrar's own words (教务 terminology).
ZH: dict[str, str] = {
    # shell
    "Jiaowu Academic Administration": "教务管理系统",
    "Jiaowu — Log in": "教务管理系统 — 登录",
    "Log in with your staff account": "请使用教职工账号登录",
    "Remember my username": "记住用户名",
    "Server": "服务器",
    "Username": "用户名",
    "Password": "密码",
    "Log in": "登录",
    "Work offline": "脱机工作",
    "Settings…": "设置…",
    "Version %1": "版本 %1",
    "Enter the server address.": "请输入服务器地址。",
    "Enter your username.": "请输入用户名。",
    "Enter your password.": "请输入密码。",
    "You have logged in on this computer before, so you can work offline; your changes are sent when the server is back.":
        "您曾在本机登录过，可以脱机工作；服务器恢复后，修改将自动提交。",
    "Login cancelled.": "已取消登录。",
    "Cancel": "取消",
    "● Online": "● 在线",
    "● Working offline": "● 脱机工作中",
    "● Offline": "● 离线",
    "Server: %1": "服务器：%1",
    "Unsent changes: %1": "待上传修改：%1",
    "never": "从未",
    "Last sync: %1": "上次同步：%1",
    "&File": "文件(&F)",
    "&Settings…": "设置(&S)…",
    "Log &out": "注销(&O)",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "&Work offline": "脱机工作(&W)",
    "&Refresh": "刷新(&R)",
    "&Go": "转到(&G)",
    "&Help": "帮助(&H)",
    "&About Jiaowu": "关于教务管理系统(&A)",
    "This module is not available in this version yet. It will arrive with a later update of the client; your data is already kept on the server.":
        "本模块在当前版本中尚未提供，将随后续客户端更新推出；相关数据已保存在服务器上。",
    "About Jiaowu": "关于教务管理系统",
    "Desktop client version %1\nProtocol %2, schema %3\nQt %4\nServer: %5":
        "桌面客户端版本 %1\n协议 %2，数据结构 %3\nQt %4\n服务器：%5",
    # settings
    "Settings": "设置",
    " hours": " 小时",
    "A new language applies the next time the client starts.": "界面语言将在下次启动客户端时生效。",
    "Server address": "服务器地址",
    "Language": "界面语言",
    "Check for updates every": "检查更新间隔",
    "Data folder": "数据文件夹",
    "Enter an address like http://jiaowu.example.edu.cn:8765": "请输入形如 http://jiaowu.example.edu.cn:8765 的地址",
    # users
    "Users": "用户管理",
    "Search username, name or e-mail…": "搜索用户名、姓名或电子邮箱…",
    "All roles": "全部角色",
    "All statuses": "全部状态",
    "Active": "正常",
    "Disabled": "已停用",
    "New user…": "新增用户…",
    "Edit…": "编辑…",
    "Reset password…": "重置密码…",
    "Disable": "停用",
    "Enable": "启用",
    "Delete": "删除",
    "%1 of %2 users": "已显示 %1 / 共 %2 个用户",
    "Delete the user %1 (%2)? They can no longer log in; the audit log keeps their history.":
        "确定删除用户 %1（%2）吗？删除后该用户无法登录，审计日志仍保留其操作记录。",
    "Delete user": "删除用户",
    "Name": "姓名",
    "Roles": "角色",
    "Status": "状态",
    "E-mail": "电子邮箱",
    "Phone": "联系电话",
    "Last login": "最近登录",
    "New user": "新增用户",
    "Edit user %1": "编辑用户 %1",
    "record ID from the reference data": "基础数据中的记录编号",
    "Must change the password at next login": "下次登录时必须修改密码",
    "Initial password": "初始密码",
    "Scope": "数据范围",
    "Department": "所属院系",
    "Teacher record": "教师档案",
    "Student record": "学生档案",
    "This username is already taken.": "该用户名已被占用。",
    "3–64 letters, digits or _ . @ -, starting with a letter or digit.": "3–64 位字母、数字或 _ . @ -，须以字母或数字开头。",
    "Required.": "必填。",
    "At least %1 characters.": "至少 %1 个字符。",
    "Must not be the same as the username.": "不能与用户名相同。",
    "Too common; choose a less guessable password.": "密码过于常见，请换一个不易猜到的密码。",
    "Not a valid e-mail address.": "电子邮箱格式不正确。",
    "Reset password of %1": "重置 %1 的密码",
    "New password": "新密码",
    "Repeat": "确认新密码",
    "The two passwords differ.": "两次输入的密码不一致。",
    # roles
    "Roles and permissions": "角色与权限",
    "Tick a cell to grant a permission to a role, then save. Changes apply to every user holding the role at their next login.":
        "勾选单元格即为角色授予该权限，然后保存。修改对持有该角色的所有用户在其下次登录时生效。",
    "New role…": "新增角色…",
    "Delete role…": "删除角色…",
    "Save changes": "保存修改",
    "Discard changes": "放弃修改",
    "Scopes — %1": "数据范围 — %1",
    "%1: %2": "%1：%2",
    "Delete the role %1? It is held by %2 users.": "确定删除角色 %1 吗？当前有 %2 个用户持有该角色。",
    "Delete role": "删除角色",
    "New role": "新增角色",
    "Code": "角色代码",
    "English name": "英文名称",
    "2–32 lowercase letters, digits or _, starting with a letter.": "2–32 位小写字母、数字或下划线，须以字母开头。",
    "A role with this code already exists.": "已存在相同代码的角色。",
    # audit
    "Audit log": "审计日志",
    "Any action": "全部操作",
    "From": "起始日期",
    "To": "截止日期",
    "Search": "查询",
    "Export to Excel…": "导出到 Excel…",
    "Select an entry to see the old and new values.": "选择一条记录以查看修改前后的值。",
    "%1 entries": "共 %1 条记录",
    "Old values: %1": "修改前：%1",
    "New values: %1": "修改后：%1",
    "Export audit log": "导出审计日志",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
    "Entity ID": "对象编号",
    "Old values": "修改前",
    "New values": "修改后",
    "Exported to %1": "已导出到 %1",
    "Time": "时间",
    "User": "用户",
    "Action": "操作",
    "Entity": "对象",
    "Summary": "摘要",
    "Address": "客户端地址",
    # errors
    "This account is locked after too many failed attempts. Try again later.": "该账号因多次登录失败已被锁定，请稍后再试。",
    "This account is locked after too many failed attempts. Try again after %1.": "该账号因多次登录失败已被锁定，请于 %1 之后再试。",
    "Server unreachable": "无法连接服务器",
    "Please check your input": "请检查输入内容",
    "Operation failed": "操作失败",
    "An unexpected error occurred. Details were written to the log.": "发生意外错误，详细信息已写入日志。",
    "Wrong username or password.": "用户名或密码错误。",
    "Your session has ended. Please log in again.": "登录状态已失效，请重新登录。",
    "This account is disabled. Please contact the system administrator.": "该账号已被停用，请联系系统管理员。",
    "Too many failed logins from this computer. Wait a few minutes and try again.": "本机登录失败次数过多，请等待几分钟后再试。",
    "The server cannot be reached. Check the server address and the network.": "无法连接服务器，请检查服务器地址和网络。",
    "This client version is too old for the server. Please update to version %1 or later.":
        "客户端版本过旧，服务器不再接受，请升级到 %1 或更高版本。",
    "The server runs an older version than this client. Ask IT to update the server.":
        "服务器版本低于本客户端，请联系信息中心升级服务器。",
    "Some fields are not valid; see the messages next to them.": "部分内容填写有误，请查看各项旁的提示。",
    "You do not have permission to do this.": "您没有执行此操作的权限。",
    "The record no longer exists; it may have been deleted by someone else.": "该记录已不存在，可能已被他人删除。",
    "The change conflicts with the current data.": "此修改与现有数据冲突。",
    "Student accounts use the web portal, not the desktop client: %1": "学生账号请使用网页门户登录，而非桌面客户端：%1",
    "Offline login is only possible for users who have logged in online on this computer.":
        "只有曾在本机联网登录过的用户才能脱机登录。",
    "Cancelled.": "已取消。",
    "The server reported an error.": "服务器返回错误。",
    "Your password was changed on the server. Log in with the new password.": "您的密码已在服务器上修改，请使用新密码登录。",
    "This account may not use the desktop client.": "该账号无权使用桌面客户端。",
    "This would leave the system without an active administrator, so it was refused.":
        "此操作将导致系统没有可用的管理员，已被拒绝。",
    # own password
    "Change my password": "修改密码",
    "&Change my password…": "修改密码(&C)…",
    "Your administrator asks you to choose a new password before you continue.": "管理员要求您先设置新密码，然后才能继续使用。",
    "Choose a new password for your account.": "请为您的账号设置新密码。",
    "Current password": "当前密码",
    "Enter your current password.": "请输入当前密码。",
    "The current password is not right.": "当前密码不正确。",
    "Your password was changed.": "密码已修改。",
    # overview
    "Overview": "概览",
    "Welcome, %1": "%1，您好",
    "Data scope": "数据范围",
    "Connection": "连接状态",
    "online": "在线",
    "offline — changes are kept on this computer": "离线 — 修改暂存在本机",
    "Your modules": "我的功能模块",
    "Available": "可用",
    "Coming in a later version": "后续版本提供",
    # audit actions
    "Login": "登录成功",
    "Failed login": "登录失败",
    "Login while locked": "锁定期间尝试登录",
    "Login of a disabled account": "停用账号尝试登录",
    "User created": "新增用户",
    "User changed": "修改用户",
    "User deleted": "删除用户",
    "User disabled": "停用用户",
    "User enabled": "启用用户",
    "Password reset": "重置密码",
    "Password changed": "修改密码",
    "Role created": "新增角色",
    "Role changed": "修改角色",
    "Role deleted": "删除角色",
    "Role": "角色",
    "Details": "详情",
    # labels
    "Students": "学生信息",
    "Status changes": "学籍异动",
    "Grades": "成绩管理",
    "Special exams": "特殊考试",
    "Teaching plans": "教学计划",
    "Teaching tasks": "教学任务",
    "Timetabling": "排课管理",
    "Sync": "数据同步",
    "Administrator": "系统管理员",
    "Registrar": "教务处",
    "Department staff": "系部教务员",
    "Teacher": "教师",
    "Student": "学生",
    "All departments": "全校",
    "Own department": "本院系",
    "Own teaching tasks": "本人教学任务",
    "Own record": "本人",
    # sync (issue 4)
    "Server's version": "服务器版本",
    "(no server version)": "（服务器上没有此记录）",
    "(not changed)": "（未修改）",
    "Field": "字段",
    "My version": "我的版本",
    "Conflict": "冲突",
    "Data": "数据",
    "Edited at": "修改时间",
    "Kind": "类型",
    "Reason": "原因",
    "Record": "记录",
    "Rejected": "被拒绝",
    "%1 selected: keep mine or take the server's for all of them.": "已选 %1 项：可全部保留我的或全部采用服务器的。",
    "Drop my values and keep the server's version": "放弃我的修改，保留服务器版本",
    "Send my values again, over the server's version": "以我的修改覆盖服务器版本并重新发送",
    "Take the server's": "采用服务器的",
    "Change my values, then send them": "修改我的值后再发送",
    "Keep mine": "保留我的",
    "No conflicts: everything you changed was accepted.": "没有冲突：您的修改均已被服务器接受。",
    "Server's version: %1": "服务器版本：%1",
    "Edit and send again": "编辑后重新发送",
    "Send": "发送",
    "The values are sent to the server at the next sync; the server checks them again.": "这些值将在下次同步时发送，服务器会重新校验。",
    "Conflicts: %1": "冲突：%1",
    "Sync paused: %1": "同步已暂停：%1",
    "Syncing…": "正在同步…",
    "%1 of your changes have not been sent to the server yet.": "您有 %1 条修改尚未发送到服务器。",
    "Export…": "导出…",
    "Log out anyway": "仍然注销",
    "Quit anyway": "仍然退出",
    "Sync now": "立即同步",
    "They stay saved on this computer and are sent the next time you log in here. To carry them to another computer, export them to a file and import it there.": "这些修改已保存在本机，下次您在本机登录时会自动发送。如需在其他电脑上发送，请导出为文件并在那台电脑上导入。",
    "Unsent changes": "待上传修改",
    " minutes": " 分钟",
    "Sync with the server every": "自动同步间隔",
    "an update is required": "需要先更新客户端",
    "Cancelled; what was already sent and received is kept.": "已取消；已发送和已接收的数据均已保留。",
    "Conflicts and rejections (%1)": "冲突与被拒绝 (%1)",
    "Conflicts and rejections": "冲突与被拒绝",
    "Export unsent changes…": "导出待上传修改…",
    "Import unsent changes": "导入待上传修改",
    "Import unsent changes…": "导入待上传修改…",
    "Imported %1 unsent changes; they are sent at the next sync.": "已导入 %1 条待上传修改，将在下次同步时发送。",
    "Last result": "上次结果",
    "Last sync": "上次同步",
    "Offline: the server cannot be reached; changes wait on this computer": "脱机：无法连接服务器，修改暂存在本机",
    "Online: %1": "在线：%1",
    "Sent %1 (accepted %2, conflicts %3, rejected %4); received %5, removed %6.": "发送 %1 条（接受 %2，冲突 %3，拒绝 %4）；接收 %5 条，移除 %6 条。",
    "Sync failed: %1": "同步失败：%1",
    "Sync with the server": "与服务器同步",
    "The server asked for a full resync (%1); unsent work was kept.": "服务器要求完整重新同步（%1）；未发送的修改已保留。",
    "Unsent changes (%1)": "待上传修改 (%1)",
    "Unsent changes (*.json)": "待上传修改 (*.json)",
    "Working offline (switch it off in the View menu to sync)": "脱机工作中（在“视图”菜单中关闭后即可同步）",
    "Your changes are saved on this computer first and sent to the server when it can be reached. The client syncs by itself when you log in, every few minutes, a few seconds after you change something, and when the connection comes back.": "您的修改先保存在本机，能连接服务器时再发送。客户端会在登录时、每隔几分钟、修改后几秒钟以及网络恢复时自动同步。",
    "Change": "操作",
    "Changed": "修改",
    "Deleted": "删除",
    "New": "新增",
    "Values": "内容",
    "Some changes conflict with the server's data; see the Sync page.": "部分修改与服务器数据冲突，请在“数据同步”页处理。",
    "The server cannot be reached; your changes wait on this computer and are sent when it is back.": "无法连接服务器；您的修改暂存在本机，恢复连接后自动发送。",
    "The server did not accept your session for syncing. Log in again; your unsent changes are kept.": "服务器未接受您的会话，无法同步。请重新登录；未发送的修改会保留。",
    "The server refused the sync request.": "服务器拒绝了同步请求。",
    "The server requires a newer client before it accepts changes. Update the client; your unsent changes are kept.": "服务器要求更新客户端后才能接收修改。请更新客户端；未发送的修改会保留。",
    "%1 unsent changes were written to %2. Import the file on any computer (Sync page) to send them.": "已将 %1 条待上传修改写入 %2。可在任意电脑的“数据同步”页导入该文件后发送。",
    "Export unsent changes": "导出待上传修改",
}
# Where one English word needs different Chinese in different places: (context, source) → zh.
ZH_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("UsersPage", "Users"): "用户管理",
    ("labels", "Users"): "用户管理",
}


def _merge_module_glossaries() -> None:
    """Add the glossaries of scripts/glossary/*.py (one per module, so modules never edit one file)."""
    import importlib.util
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "glossary").glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"glossary_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        ZH.update(getattr(module, "ZH", {}))
        ZH_IN_CONTEXT.update(getattr(module, "ZH_IN_CONTEXT", {}))


def fill(path: str, translate: bool) -> int:
    """Fill every unfinished message; returns how many are still unfinished."""
    tree = ET.parse(path)
    left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") not in ("unfinished", "vanished", "obsolete") and translation.text:
                continue
            text = (ZH_IN_CONTEXT.get((name, source)) or ZH.get(source)) if translate else source
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                left += 1
                print(f"{path}: no translation for [{name}] {source!r}", file=sys.stderr)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return left


if __name__ == "__main__":
    _merge_module_glossaries()
    zh_path, en_path = sys.argv[1], sys.argv[2]
    missing = fill(zh_path, translate=True) + fill(en_path, translate=False)
    sys.exit(1 if missing else 0)
