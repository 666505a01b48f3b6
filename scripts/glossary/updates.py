"""Smart update in the desktop (issue 7)."""

ZH = {
    "Restart now": "立即重启",
    "Downloading version %1…": "正在下载版本 %1…",
    "Version %1 is installed; restart to use it.": "版本 %1 已安装，重启后生效。",
    "Update failed": "更新失败",
    "This version is below the server's minimum: sync resumes after the update.": "当前版本低于服务器要求的最低版本：更新后才能继续同步。",
    "The update was cancelled. Nothing was changed.": "更新已取消，未做任何更改。",
    "The update could not be downloaded (network or server problem). Your current version keeps working; the update will be tried again later.":
        "无法下载更新（网络或服务器问题）。当前版本可继续使用，稍后将再次尝试。",
    "The update was refused because it could not be verified as genuine. Nothing was installed and your current version keeps working. Please tell IT.":
        "更新未通过真实性校验，已被拒绝。未安装任何内容，当前版本可继续使用。请联系信息中心。",
    "Version %1 must be installed first; it cannot be skipped.": "必须先安装版本 %1，不能跳过。",
    "Another update is already running on this computer.": "本机已有另一个更新正在进行。",
    "The update could not be installed. Your current version keeps working.": "更新无法安装，当前版本可继续使用。",
    "The update did not complete.": "更新未完成。",
    "Check for &updates": "检查更新(&U)",
    "This client was not started from an installation, so it cannot update itself; IT manages its version.":
        "此客户端不是从安装目录启动的，无法自动更新；其版本由信息中心管理。",
    "An update is already being checked or installed.": "正在检查或安装更新。",
}
