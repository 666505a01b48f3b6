<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Jiaowu</source>
        <translation>About Jiaowu</translation>
    </message>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>Jiaowu Academic Administration</translation>
    </message>
    <message>
        <source>Desktop client version %1
Protocol %2, schema %3
Qt %4
Server: %5</source>
        <translation>Desktop client version %1
Protocol %2, schema %3
Qt %4
Server: %5</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Select an entry to see the old and new values.</source>
        <translation>Select an entry to see the old and new values.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>Old values: %1</source>
        <translation>Old values: %1</translation>
    </message>
    <message>
        <source>New values: %1</source>
        <translation>New values: %1</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Entity ID</source>
        <translation>Entity ID</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>Old values</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>New values</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictDetail</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Server's version</source>
        <translation>Server's version</translation>
    </message>
    <message>
        <source>(not changed)</source>
        <translation>(not changed)</translation>
    </message>
    <message>
        <source>(no server version)</source>
        <translation>(no server version)</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Edited at</source>
        <translation>Edited at</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Send my values again, over the server's version</source>
        <translation>Send my values again, over the server's version</translation>
    </message>
    <message>
        <source>Take the server's</source>
        <translation>Take the server's</translation>
    </message>
    <message>
        <source>Drop my values and keep the server's version</source>
        <translation>Drop my values and keep the server's version</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Change my values, then send them</source>
        <translation>Change my values, then send them</translation>
    </message>
    <message>
        <source>No conflicts: everything you changed was accepted.</source>
        <translation>No conflicts: everything you changed was accepted.</translation>
    </message>
    <message>
        <source>%1 selected: keep mine or take the server's for all of them.</source>
        <translation>%1 selected: keep mine or take the server's for all of them.</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit and send again</source>
        <translation>Edit and send again</translation>
    </message>
    <message>
        <source>Server's version: %1</source>
        <translation>Server's version: %1</translation>
    </message>
    <message>
        <source>The values are sent to the server at the next sync; the server checks them again.</source>
        <translation>The values are sent to the server at the next sync; the server checks them again.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Data scope</source>
        <translation>Data scope</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline — changes are kept on this computer</source>
        <translation>offline — changes are kept on this computer</translation>
    </message>
    <message>
        <source>Your modules</source>
        <translation>Your modules</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Coming in a later version</source>
        <translation>Coming in a later version</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Jiaowu — Log in</source>
        <translation>Jiaowu — Log in</translation>
    </message>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>Jiaowu Academic Administration</translation>
    </message>
    <message>
        <source>Log in with your staff account</source>
        <translation>Log in with your staff account</translation>
    </message>
    <message>
        <source>Remember my username</source>
        <translation>Remember my username</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>You have logged in on this computer before, so you can work offline; your changes are sent when the server is back.</source>
        <translation>You have logged in on this computer before, so you can work offline; your changes are sent when the server is back.</translation>
    </message>
    <message>
        <source>Login cancelled.</source>
        <translation>Login cancelled.</translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Working offline</source>
        <translation>● Working offline</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Unsent changes: %1</source>
        <translation>Unsent changes: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>Sync paused: %1</source>
        <translation>Sync paused: %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>Jiaowu Academic Administration</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>&amp;Change my password…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Work offline</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Check for &amp;updates</source>
        <translation>Check for &amp;updates</translation>
    </message>
    <message>
        <source>&amp;About Jiaowu</source>
        <translation>&amp;About Jiaowu</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Your password was changed.</translation>
    </message>
    <message>
        <source>This client was not started from an installation, so it cannot update itself; IT manages its version.</source>
        <translation>This client was not started from an installation, so it cannot update itself; IT manages its version.</translation>
    </message>
    <message>
        <source>An update is already being checked or installed.</source>
        <translation>An update is already being checked or installed.</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Unsent changes</translation>
    </message>
    <message>
        <source>%1 of your changes have not been sent to the server yet.</source>
        <translation>%1 of your changes have not been sent to the server yet.</translation>
    </message>
    <message>
        <source>They stay saved on this computer and are sent the next time you log in here. To carry them to another computer, export them to a file and import it there.</source>
        <translation>They stay saved on this computer and are sent the next time you log in here. To carry them to another computer, export them to a file and import it there.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Log out anyway</source>
        <translation>Log out anyway</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Quit anyway</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Your administrator asks you to choose a new password before you continue.</source>
        <translation>Your administrator asks you to choose a new password before you continue.</translation>
    </message>
    <message>
        <source>Choose a new password for your account.</source>
        <translation>Choose a new password for your account.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>The current password is not right.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This module is not available in this version yet. It will arrive with a later update of the client; your data is already kept on the server.</source>
        <translation>This module is not available in this version yet. It will arrive with a later update of the client; your data is already kept on the server.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of %1</source>
        <translation>Reset password of %1</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>Must change the password at next login</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>New role</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>2–32 lowercase letters, digits or _, starting with a letter.</source>
        <translation>2–32 lowercase letters, digits or _, starting with a letter.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>A role with this code already exists.</source>
        <translation>A role with this code already exists.</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Roles and permissions</source>
        <translation>Roles and permissions</translation>
    </message>
    <message>
        <source>Tick a cell to grant a permission to a role, then save. Changes apply to every user holding the role at their next login.</source>
        <translation>Tick a cell to grant a permission to a role, then save. Changes apply to every user holding the role at their next login.</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>New role…</translation>
    </message>
    <message>
        <source>Delete role…</source>
        <translation>Delete role…</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scopes — %1</source>
        <translation>Scopes — %1</translation>
    </message>
    <message>
        <source>Delete the role %1? It is held by %2 users.</source>
        <translation>Delete the role %1? It is held by %2 users.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Delete role</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> hours</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>A new language applies the next time the client starts.</source>
        <translation>A new language applies the next time the client starts.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Check for updates every</source>
        <translation>Check for updates every</translation>
    </message>
    <message>
        <source>Sync with the server every</source>
        <translation>Sync with the server every</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Enter an address like http://jiaowu.example.edu.cn:8765</source>
        <translation>Enter an address like http://jiaowu.example.edu.cn:8765</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>an update is required</source>
        <translation>an update is required</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the server</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Your changes are saved on this computer first and sent to the server when it can be reached. The client syncs by itself when you log in, every few minutes, a few seconds after you change something, and when the connection comes back.</source>
        <translation>Your changes are saved on this computer first and sent to the server when it can be reached. The client syncs by itself when you log in, every few minutes, a few seconds after you change something, and when the connection comes back.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Unsent changes</translation>
    </message>
    <message>
        <source>Conflicts and rejections</source>
        <translation>Conflicts and rejections</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Last result</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Export unsent changes…</source>
        <translation>Export unsent changes…</translation>
    </message>
    <message>
        <source>Import unsent changes…</source>
        <translation>Import unsent changes…</translation>
    </message>
    <message>
        <source>Conflicts and rejections (%1)</source>
        <translation>Conflicts and rejections (%1)</translation>
    </message>
    <message>
        <source>Unsent changes (%1)</source>
        <translation>Unsent changes (%1)</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>Online: %1</translation>
    </message>
    <message>
        <source>Working offline (switch it off in the View menu to sync)</source>
        <translation>Working offline (switch it off in the View menu to sync)</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached; changes wait on this computer</source>
        <translation>Offline: the server cannot be reached; changes wait on this computer</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Sync paused: %1</source>
        <translation>Sync paused: %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Sent %1 (accepted %2, conflicts %3, rejected %4); received %5, removed %6.</source>
        <translation>Sent %1 (accepted %2, conflicts %3, rejected %4); received %5, removed %6.</translation>
    </message>
    <message>
        <source>The server asked for a full resync (%1); unsent work was kept.</source>
        <translation>The server asked for a full resync (%1); unsent work was kept.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>Cancelled; what was already sent and received is kept.</source>
        <translation>Cancelled; what was already sent and received is kept.</translation>
    </message>
    <message>
        <source>Import unsent changes</source>
        <translation>Import unsent changes</translation>
    </message>
    <message>
        <source>Unsent changes (*.json)</source>
        <translation>Unsent changes (*.json)</translation>
    </message>
    <message>
        <source>Imported %1 unsent changes; they are sent at the next sync.</source>
        <translation>Imported %1 unsent changes; they are sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <source>Edited at</source>
        <translation>Edited at</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>UpdateBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>Downloading version %1…</source>
        <translation>Downloading version %1…</translation>
    </message>
    <message>
        <source>Version %1 is installed; restart to use it.</source>
        <translation>Version %1 is installed; restart to use it.</translation>
    </message>
    <message>
        <source>Update failed</source>
        <translation>Update failed</translation>
    </message>
    <message>
        <source>This version is below the server's minimum: sync resumes after the update.</source>
        <translation>This version is below the server's minimum: sync resumes after the update.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>3–64 letters, digits or _ . @ -, starting with a letter or digit.</source>
        <translation>3–64 letters, digits or _ . @ -, starting with a letter or digit.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <source>Must not be the same as the username.</source>
        <translation>Must not be the same as the username.</translation>
    </message>
    <message>
        <source>Too common; choose a less guessable password.</source>
        <translation>Too common; choose a less guessable password.</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>Not a valid e-mail address.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>record ID from the reference data</source>
        <translation>record ID from the reference data</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>Must change the password at next login</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Teacher record</source>
        <translation>Teacher record</translation>
    </message>
    <message>
        <source>Student record</source>
        <translation>Student record</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>This username is already taken.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search username, name or e-mail…</source>
        <translation>Search username, name or e-mail…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>%1 of %2 users</source>
        <translation>%1 of %2 users</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Delete the user %1 (%2)? They can no longer log in; the audit log keeps their history.</source>
        <translation>Delete the user %1 (%2)? They can no longer log in; the audit log keeps their history.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Delete user</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This account is locked after too many failed attempts. Try again later.</source>
        <translation>This account is locked after too many failed attempts. Try again later.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Try again after %1.</source>
        <translation>This account is locked after too many failed attempts. Try again after %1.</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server unreachable</translation>
    </message>
    <message>
        <source>Please check your input</source>
        <translation>Please check your input</translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation>Operation failed</translation>
    </message>
    <message>
        <source>The server did not accept your session for syncing. Log in again; your unsent changes are kept.</source>
        <translation>The server did not accept your session for syncing. Log in again; your unsent changes are kept.</translation>
    </message>
    <message>
        <source>The server cannot be reached; your changes wait on this computer and are sent when it is back.</source>
        <translation>The server cannot be reached; your changes wait on this computer and are sent when it is back.</translation>
    </message>
    <message>
        <source>The server requires a newer client before it accepts changes. Update the client; your unsent changes are kept.</source>
        <translation>The server requires a newer client before it accepts changes. Update the client; your unsent changes are kept.</translation>
    </message>
    <message>
        <source>The server refused the sync request.</source>
        <translation>The server refused the sync request.</translation>
    </message>
    <message>
        <source>Some changes conflict with the server's data; see the Sync page.</source>
        <translation>Some changes conflict with the server's data; see the Sync page.</translation>
    </message>
    <message>
        <source>The update was cancelled. Nothing was changed.</source>
        <translation>The update was cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>The update could not be downloaded (network or server problem). Your current version keeps working; the update will be tried again later.</source>
        <translation>The update could not be downloaded (network or server problem). Your current version keeps working; the update will be tried again later.</translation>
    </message>
    <message>
        <source>The update was refused because it could not be verified as genuine. Nothing was installed and your current version keeps working. Please tell IT.</source>
        <translation>The update was refused because it could not be verified as genuine. Nothing was installed and your current version keeps working. Please tell IT.</translation>
    </message>
    <message>
        <source>Version %1 must be installed first; it cannot be skipped.</source>
        <translation>Version %1 must be installed first; it cannot be skipped.</translation>
    </message>
    <message>
        <source>Another update is already running on this computer.</source>
        <translation>Another update is already running on this computer.</translation>
    </message>
    <message>
        <source>The update could not be installed. Your current version keeps working.</source>
        <translation>The update could not be installed. Your current version keeps working.</translation>
    </message>
    <message>
        <source>The update did not complete.</source>
        <translation>The update did not complete.</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Details were written to the log.</source>
        <translation>An unexpected error occurred. Details were written to the log.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>Your session has ended. Please log in again.</translation>
    </message>
    <message>
        <source>This account is disabled. Please contact the system administrator.</source>
        <translation>This account is disabled. Please contact the system administrator.</translation>
    </message>
    <message>
        <source>Too many failed logins from this computer. Wait a few minutes and try again.</source>
        <translation>Too many failed logins from this computer. Wait a few minutes and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the server address and the network.</source>
        <translation>The server cannot be reached. Check the server address and the network.</translation>
    </message>
    <message>
        <source>This client version is too old for the server. Please update to version %1 or later.</source>
        <translation>This client version is too old for the server. Please update to version %1 or later.</translation>
    </message>
    <message>
        <source>The server runs an older version than this client. Ask IT to update the server.</source>
        <translation>The server runs an older version than this client. Ask IT to update the server.</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the messages next to them.</source>
        <translation>Some fields are not valid; see the messages next to them.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>You do not have permission to do this.</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been deleted by someone else.</source>
        <translation>The record no longer exists; it may have been deleted by someone else.</translation>
    </message>
    <message>
        <source>The change conflicts with the current data.</source>
        <translation>The change conflicts with the current data.</translation>
    </message>
    <message>
        <source>Student accounts use the web portal, not the desktop client: %1</source>
        <translation>Student accounts use the web portal, not the desktop client: %1</translation>
    </message>
    <message>
        <source>Offline login is only possible for users who have logged in online on this computer.</source>
        <translation>Offline login is only possible for users who have logged in online on this computer.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>The server reported an error.</translation>
    </message>
    <message>
        <source>Your password was changed on the server. Log in with the new password.</source>
        <translation>Your password was changed on the server. Log in with the new password.</translation>
    </message>
    <message>
        <source>This account may not use the desktop client.</source>
        <translation>This account may not use the desktop client.</translation>
    </message>
    <message>
        <source>This would leave the system without an active administrator, so it was refused.</source>
        <translation>This would leave the system without an active administrator, so it was refused.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>Scholarships and aid</source>
        <translation>Scholarships and aid</translation>
    </message>
    <message>
        <source>Dormitories</source>
        <translation>Dormitories</translation>
    </message>
    <message>
        <source>Special exams</source>
        <translation>Special exams</translation>
    </message>
    <message>
        <source>Teaching plans</source>
        <translation>Teaching plans</translation>
    </message>
    <message>
        <source>Teaching tasks</source>
        <translation>Teaching tasks</translation>
    </message>
    <message>
        <source>Timetabling</source>
        <translation>Timetabling</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>Roles and permissions</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Department staff</source>
        <translation>Department staff</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>Own department</translation>
    </message>
    <message>
        <source>Own teaching tasks</source>
        <translation>Own teaching tasks</translation>
    </message>
    <message>
        <source>Own record</source>
        <translation>Own record</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Login while locked</source>
        <translation>Login while locked</translation>
    </message>
    <message>
        <source>Login of a disabled account</source>
        <translation>Login of a disabled account</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>User created</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>User changed</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>User deleted</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>User disabled</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>User enabled</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>Role created</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>Role deleted</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Export unsent changes</source>
        <translation>Export unsent changes</translation>
    </message>
    <message>
        <source>Unsent changes (*.json)</source>
        <translation>Unsent changes (*.json)</translation>
    </message>
    <message>
        <source>%1 unsent changes were written to %2. Import the file on any computer (Sync page) to send them.</source>
        <translation>%1 unsent changes were written to %2. Import the file on any computer (Sync page) to send them.</translation>
    </message>
</context>
<context>
    <name>updates</name>
    <message>
        <source>The update was cancelled. Nothing was changed.</source>
        <translation>The update was cancelled. Nothing was changed.</translation>
    </message>
</context>
</TS>