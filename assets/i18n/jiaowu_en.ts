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
    <name>AidPage</name>
    <message>
        <source>Scholarships, grants and loans</source>
        <translation>Scholarships, grants and loans</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>Student number or name…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Applications (as filtered)…</source>
        <translation>Applications (as filtered)…</translation>
    </message>
    <message>
        <source>Quotas of the year…</source>
        <translation>Quotas of the year…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>GPA</source>
        <translation>GPA</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Set quota…</source>
        <translation>Set quota…</translation>
    </message>
    <message>
        <source>Places per department and award in the chosen year; approvals take a place.</source>
        <translation>Places per department and award in the chosen year; approvals take a place.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Quotas</translation>
    </message>
    <message>
        <source>Award types</source>
        <translation>Award types</translation>
    </message>
    <message>
        <source>Scholarship</source>
        <translation>Scholarship</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>no failed course</source>
        <translation>no failed course</translation>
    </message>
    <message>
        <source>GPA in the top %1 of the class</source>
        <translation>GPA in the top %1 of the class</translation>
    </message>
    <message>
        <source>GPA at least %1</source>
        <translation>GPA at least %1</translation>
    </message>
    <message>
        <source>year %1 or above</source>
        <translation>year %1 or above</translation>
    </message>
    <message>
        <source>financial need: %1 or above</source>
        <translation>financial need: %1 or above</translation>
    </message>
    <message>
        <source>up to %1 a year</source>
        <translation>up to %1 a year</translation>
    </message>
    <message>
        <source>one of group “%1” a year</source>
        <translation>one of group “%1” a year</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>All awards</source>
        <translation>All awards</translation>
    </message>
    <message>
        <source>%1 applications</source>
        <translation>%1 applications</translation>
    </message>
    <message>
        <source>Select an application to see its eligibility report.</source>
        <translation>Select an application to see its eligibility report.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Decision: %1</translation>
    </message>
    <message>
        <source>Not yet sent to the server.</source>
        <translation>Not yet sent to the server.</translation>
    </message>
    <message>
        <source>Review application</source>
        <translation>Review application</translation>
    </message>
    <message>
        <source>Approve application</source>
        <translation>Approve application</translation>
    </message>
    <message>
        <source>Reject application</source>
        <translation>Reject application</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>Financial need</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 rows written to %2</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>Student number or name…</translation>
    </message>
    <message>
        <source>Why the student applies (optional)</source>
        <translation>Why the student applies (optional)</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Academic year</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>Financial need</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Submit application</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <source>Eligibility (computed on this computer from the grades held here)</source>
        <translation>Eligibility (computed on this computer from the grades held here)</translation>
    </message>
    <message>
        <source>Choose an award and a student.</source>
        <translation>Choose an award and a student.</translation>
    </message>
    <message>
        <source>Eligible: every rule is met (grades of %1).</source>
        <translation>Eligible: every rule is met (grades of %1).</translation>
    </message>
    <message>
        <source>Not eligible: %1.</source>
        <translation>Not eligible: %1.</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Decide status change</source>
        <translation>Decide status change</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Change type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>on approval</source>
        <translation>on approval</translation>
    </message>
    <message>
        <source>Target class</source>
        <translation>Target class</translation>
    </message>
    <message>
        <source>Opinion (optional when approving, required to reject)</source>
        <translation>Opinion (optional when approving, required to reject)</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Effects on approval</source>
        <translation>Effects on approval</translation>
    </message>
    <message>
        <source>(choose a class)</source>
        <translation>(choose a class)</translation>
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
    <name>BatchDialog</name>
    <message>
        <source>Batch promotion</source>
        <translation>Batch promotion</translation>
    </message>
    <message>
        <source>Batch promotion is filed by the server in one transaction: connect to the server (turn off Work offline) to preview and file it.</source>
        <translation>Batch promotion is filed by the server in one transaction: connect to the server (turn off Work offline) to preview and file it.</translation>
    </message>
    <message>
        <source>All majors</source>
        <translation>All majors</translation>
    </message>
    <message>
        <source>Year-end promotion</source>
        <translation>Year-end promotion</translation>
    </message>
    <message>
        <source>Approve and apply at once</source>
        <translation>Approve and apply at once</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>Effective on</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Repeat a year</source>
        <translation>Repeat a year</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Clear exception</source>
        <translation>Clear exception</translation>
    </message>
    <message>
        <source>Selected students:</source>
        <translation>Selected students:</translation>
    </message>
    <message>
        <source>into</source>
        <translation>into</translation>
    </message>
    <message>
        <source>File the batch</source>
        <translation>File the batch</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 promoted, %2 repeat a year, %3 skipped, %4 cannot be filed</source>
        <translation>%1 promoted, %2 repeat a year, %3 skipped, %4 cannot be filed</translation>
    </message>
    <message>
        <source>Excepted by hand</source>
        <translation>Excepted by hand</translation>
    </message>
    <message>
        <source>%1 status changes were filed as one batch. They reach this computer with the next sync.</source>
        <translation>%1 status changes were filed as one batch. They reach this computer with the next sync.</translation>
    </message>
    <message>
        <source>File %1 changes</source>
        <translation>File %1 changes</translation>
    </message>
</context>
<context>
    <name>BatchLinesModel</name>
    <message>
        <source>Student no.</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>Repeat a year</source>
        <translation>Repeat a year</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Cannot file</source>
        <translation>Cannot file</translation>
    </message>
    <message>
        <source>%1 (exception)</source>
        <translation>%1 (exception)</translation>
    </message>
</context>
<context>
    <name>BedDialog</name>
    <message>
        <source>Assign a bed</source>
        <translation>Assign a bed</translation>
    </message>
    <message>
        <source>Move to another bed</source>
        <translation>Move to another bed</translation>
    </message>
    <message>
        <source>Vacate a bed</source>
        <translation>Vacate a bed</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>Student number or name…</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>Moved out on</source>
        <translation>Moved out on</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Vacate</source>
        <translation>Vacate</translation>
    </message>
    <message>
        <source>%1 (%2 free of %3)</source>
        <translation>%1 (%2 free of %3)</translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>Bed %1</translation>
    </message>
    <message>
        <source>Choose a student.</source>
        <translation>Choose a student.</translation>
    </message>
    <message>
        <source>✓ The bed is free and the rules are met.</source>
        <translation>✓ The bed is free and the rules are met.</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Bulk assignment of a cohort</source>
        <translation>Bulk assignment of a cohort</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 free</translation>
    </message>
    <message>
        <source>New students moving in</source>
        <translation>New students moving in</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Choose the cohort, then Preview. Nothing is written before Confirm.</source>
        <translation>Choose the cohort, then Preview. Nothing is written before Confirm.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>Why not placed</source>
        <translation>Why not placed</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Classes (none ticked: all)</source>
        <translation>Classes (none ticked: all)</translation>
    </message>
    <message>
        <source>Buildings (none ticked: all)</source>
        <translation>Buildings (none ticked: all)</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>Move-in date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>To be placed (%1)</source>
        <translation>To be placed (%1)</translation>
    </message>
    <message>
        <source>Not placed (%1)</source>
        <translation>Not placed (%1)</translation>
    </message>
    <message>
        <source>%1 students get a bed, %2 are not placed (see why). Confirm writes them all at once.</source>
        <translation>%1 students get a bed, %2 are not placed (see why). Confirm writes them all at once.</translation>
    </message>
    <message>
        <source>%1 beds assigned; they are sent to the server with the next sync.</source>
        <translation>%1 beds assigned; they are sent to the server with the next sync.</translation>
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
    <name>CertificatesDialog</name>
    <message>
        <source>Cards and certificates</source>
        <translation>Cards and certificates</translation>
    </message>
    <message>
        <source>A whole class</source>
        <translation>A whole class</translation>
    </message>
    <message>
        <source>One student</source>
        <translation>One student</translation>
    </message>
    <message>
        <source>Student number or name, then Enter</source>
        <translation>Student number or name, then Enter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Issue numbers</source>
        <translation>Issue numbers</translation>
    </message>
    <message>
        <source>Reason to void (lost, damaged…)</source>
        <translation>Reason to void (lost, damaged…)</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>Print to PDF…</translation>
    </message>
    <message>
        <source>Select a row to preview the document.</source>
        <translation>Select a row to preview the document.</translation>
    </message>
    <message>
        <source>%1 (%2 students)</source>
        <translation>%1 (%2 students)</translation>
    </message>
    <message>
        <source>No student matches.</source>
        <translation>No student matches.</translation>
    </message>
    <message>
        <source>%1 issued; the numbers arrive from the server with the next sync.</source>
        <translation>%1 issued; the numbers arrive from the server with the next sync.</translation>
    </message>
    <message>
        <source>… and %1 more not issued.</source>
        <translation>… and %1 more not issued.</translation>
    </message>
    <message>
        <source>Select one certificate to void.</source>
        <translation>Select one certificate to void.</translation>
    </message>
    <message>
        <source>%1 certificates have no number yet: they print once they have synced with the server (the server issues the numbers). Sync, then print.</source>
        <translation>%1 certificates have no number yet: they print once they have synced with the server (the server issues the numbers). Sync, then print.</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printing %1 documents…</source>
        <translation>Printing %1 documents…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>Printing cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Student no.</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>void</source>
        <translation>void</translation>
    </message>
    <message>
        <source>waiting for the server's number</source>
        <translation>waiting for the server's number</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Edit status change</source>
        <translation>Edit status change</translation>
    </message>
    <message>
        <source>New status change</source>
        <translation>New status change</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>Student number or name…</translation>
    </message>
    <message>
        <source>No student chosen</source>
        <translation>No student chosen</translation>
    </message>
    <message>
        <source>e.g. 教学〔2026〕12号</source>
        <translation>e.g. 教学〔2026〕12号</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>Effective on</translation>
    </message>
    <message>
        <source>Find student</source>
        <translation>Find student</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Change type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Target class</source>
        <translation>Target class</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>What it will change</source>
        <translation>What it will change</translation>
    </message>
    <message>
        <source>(chosen at approval)</source>
        <translation>(chosen at approval)</translation>
    </message>
    <message>
        <source>Choose a student first.</source>
        <translation>Choose a student first.</translation>
    </message>
</context>
<context>
    <name>ChangesTableModel</name>
    <message>
        <source>Student no.</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Change type</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Last step</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Saved on this computer; not yet accepted by the server.</source>
        <translation>Saved on this computer; not yet accepted by the server.</translation>
    </message>
    <message>
        <source>%1 · unsent</source>
        <translation>%1 · unsent</translation>
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
    <name>DecideManyDialog</name>
    <message>
        <source>Decide %1 status changes</source>
        <translation>Decide %1 status changes</translation>
    </message>
    <message>
        <source>%1 changes: %2</source>
        <translation>%1 changes: %2</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Change type</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>%1 of them need a class chosen at approval: approve those one by one (rejecting them together is possible).</source>
        <translation>%1 of them need a class chosen at approval: approve those one by one (rejecting them together is possible).</translation>
    </message>
    <message>
        <source>Opinion (optional when approving, required to reject)</source>
        <translation>Opinion (optional when approving, required to reject)</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Approve all</source>
        <translation>Approve all</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <source>Write the reason for the rejection in Opinion.</source>
        <translation>Write the reason for the rejection in Opinion.</translation>
    </message>
    <message>
        <source>%1 decided; the server applies them when they arrive.</source>
        <translation>%1 decided; the server applies them when they arrive.</translation>
    </message>
    <message>
        <source>Cancelled: the others are still waiting for a decision.</source>
        <translation>Cancelled: the others are still waiting for a decision.</translation>
    </message>
    <message>
        <source>%1 not decided:</source>
        <translation>%1 not decided:</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Reason (required to reject)</source>
        <translation>Reason (required to reject)</translation>
    </message>
    <message>
        <source>The department's review comment</source>
        <translation>The department's review comment</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>Financial need</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>Record review</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
</context>
<context>
    <name>DormsPage</name>
    <message>
        <source>Dormitories</source>
        <translation>Dormitories</translation>
    </message>
    <message>
        <source>This computer holds the beds of your department's students only: the figures below count them, and beds of other departments look free here.</source>
        <translation>This computer holds the beds of your department's students only: the figures below count them, and beds of other departments look free here.</translation>
    </message>
    <message>
        <source>You can view the dormitories; assigning beds needs the dormitory permission.</source>
        <translation>You can view the dormitories; assigning beds needs the dormitory permission.</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <source>Vacate…</source>
        <translation>Vacate…</translation>
    </message>
    <message>
        <source>Bulk assignment…</source>
        <translation>Bulk assignment…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Occupancy per building and floor…</source>
        <translation>Occupancy per building and floor…</translation>
    </message>
    <message>
        <source>Residents of the chosen building…</source>
        <translation>Residents of the chosen building…</translation>
    </message>
    <message>
        <source>All residents…</source>
        <translation>All residents…</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Choose a room.</source>
        <translation>Choose a room.</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>(free)</source>
        <translation>(free)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
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
        <source>(current)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>History of the room</source>
        <translation>History of the room</translation>
    </message>
    <message>
        <source>%1 buildings · %2 beds · %3 occupied · %4 free</source>
        <translation>%1 buildings · %2 beds · %3 occupied · %4 free</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Room %1 · floor %2 · %3 · %4 of %5 beds free</source>
        <translation>Room %1 · floor %2 · %3 · %4 of %5 beds free</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Full rooms</source>
        <translation>Full rooms</translation>
    </message>
    <message>
        <source>Empty rooms</source>
        <translation>Empty rooms</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 rows written to %2</translation>
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
    <name>EffectsTable</name>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>%1 (derived, not stored)</source>
        <translation>%1 (derived, not stored)</translation>
    </message>
    <message>
        <source>chosen at approval</source>
        <translation>chosen at approval</translation>
    </message>
    <message>
        <source>The approver chooses the class when approving.</source>
        <translation>The approver chooses the class when approving.</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Import students</source>
        <translation>Import students</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Choose a filled-in template (.xlsx). Nothing is imported before you confirm.</source>
        <translation>Choose a filled-in template (.xlsx). Nothing is imported before you confirm.</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>Rejected rows (%1)</source>
        <translation>Rejected rows (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnings (%1)</translation>
    </message>
    <message>
        <source>Import %1 students</source>
        <translation>Import %1 students</translation>
    </message>
    <message>
        <source>%1 rows read: %2 can be imported, %3 rejected (%4 problems). Rejected rows are not imported; correct them in the file and import them later.</source>
        <translation>%1 rows read: %2 can be imported, %3 rejected (%4 problems). Rejected rows are not imported; correct them in the file and import them later.</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>import-report.xlsx</source>
        <translation>import-report.xlsx</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Import report</translation>
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
    <name>OrgDialog</name>
    <message>
        <source>Departments, majors and classes</source>
        <translation>Departments, majors and classes</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Majors</source>
        <translation>Majors</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>OrgFormDialog</name>
    <message>
        <source>New department</source>
        <translation>New department</translation>
    </message>
    <message>
        <source>Edit department</source>
        <translation>Edit department</translation>
    </message>
    <message>
        <source>New major</source>
        <translation>New major</translation>
    </message>
    <message>
        <source>Edit major</source>
        <translation>Edit major</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>New class</translation>
    </message>
    <message>
        <source>Edit class</source>
        <translation>Edit class</translation>
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
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Years of study</source>
        <translation>Years of study</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Size limit</translation>
    </message>
</context>
<context>
    <name>OrgTableModel</name>
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
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Size limit</translation>
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
    <name>ProblemTableModel</name>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Set quota</source>
        <translation>Set quota</translation>
    </message>
    <message>
        <source>Quota of</source>
        <translation>Quota of</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Passed</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Failed</translation>
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
    <name>StatusChangesPage</name>
    <message>
        <source>Status changes</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>Student number or name…</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>All changes</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>Timeline…</translation>
    </message>
    <message>
        <source>Batch promotion…</source>
        <translation>Batch promotion…</translation>
    </message>
    <message>
        <source>Cards and certificates…</source>
        <translation>Cards and certificates…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Select a change to see its effects.</source>
        <translation>Select a change to see its effects.</translation>
    </message>
    <message>
        <source>Submitted.</source>
        <translation>Submitted.</translation>
    </message>
    <message>
        <source>Recalled to draft.</source>
        <translation>Recalled to draft.</translation>
    </message>
    <message>
        <source>Export status changes</source>
        <translation>Export status changes</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows exported to %2.</source>
        <translation>%1 rows exported to %2.</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>%1 changes selected, %2 of them submitted: Approve… or Reject… decides those together.</source>
        <translation>%1 changes selected, %2 of them submitted: Approve… or Reject… decides those together.</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Saved on this computer; it is sent to the server with the next sync.</source>
        <translation>Saved on this computer; it is sent to the server with the next sync.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Delete the draft %1 of %2?</source>
        <translation>Delete the draft %1 of %2?</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>Draft deleted.</translation>
    </message>
    <message>
        <source>Decided; the server applies it when it arrives.</source>
        <translation>Decided; the server applies it when it arrives.</translation>
    </message>
    <message>
        <source>%1 decided; the server applies them when they arrive.</source>
        <translation>%1 decided; the server applies them when they arrive.</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>New student</source>
        <translation>New student</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>Edit student</translation>
    </message>
    <message>
        <source>12 digits: year, department, major, class, sequence</source>
        <translation>12 digits: year, department, major, class, sequence</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: from the ID number)</source>
        <translation>YYYY-MM-DD (empty: from the ID number)</translation>
    </message>
    <message>
        <source>A student's status changes through a status change.</source>
        <translation>A student's status changes through a status change.</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Student number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Expected graduation</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>Native place</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>Home address</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>This student is no longer in your data.</source>
        <translation>This student is no longer in your data.</translation>
    </message>
    <message>
        <source>Edit student %1</source>
        <translation>Edit student %1</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the messages under them.</source>
        <translation>Some fields are not valid; see the messages under them.</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <source>Changed on this computer; not yet accepted by the server.</source>
        <translation>Changed on this computer; not yet accepted by the server.</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Student number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Search student number, name, ID number, class or major…</source>
        <translation>Search student number, name, ID number, class or major…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>New student…</source>
        <translation>New student…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Departments, majors and classes…</source>
        <translation>Departments, majors and classes…</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>All cohorts</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>%1 students</source>
        <translation>%1 students</translation>
    </message>
    <message>
        <source>student-import-template.xlsx</source>
        <translation>student-import-template.xlsx</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>students.xlsx</source>
        <translation>students.xlsx</translation>
    </message>
    <message>
        <source>Export students</source>
        <translation>Export students</translation>
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
    <name>TimelineDialog</name>
    <message>
        <source>Status history</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>No status changes yet.</source>
        <translation>No status changes yet.</translation>
    </message>
    <message>
        <source>Cards and certificates…</source>
        <translation>Cards and certificates…</translation>
    </message>
</context>
<context>
    <name>TimelineEntry</name>
    <message>
        <source>Target class: %1</source>
        <translation>Target class: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Document no.: %1</source>
        <translation>Document no.: %1</translation>
    </message>
    <message>
        <source>Opinion: %1</source>
        <translation>Opinion: %1</translation>
    </message>
    <message>
        <source>Saved on this computer; not yet accepted by the server.</source>
        <translation>Saved on this computer; not yet accepted by the server.</translation>
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
    <name>status_changes</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Expected graduation</translation>
    </message>
    <message>
        <source>Year level</source>
        <translation>Year level</translation>
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
<context>
    <name>welfare</name>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>No failed course</source>
        <translation>No failed course</translation>
    </message>
    <message>
        <source>GPA rank in the class</source>
        <translation>GPA rank in the class</translation>
    </message>
    <message>
        <source>Minimum GPA</source>
        <translation>Minimum GPA</translation>
    </message>
    <message>
        <source>Year of study</source>
        <translation>Year of study</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>Financial need</translation>
    </message>
    <message>
        <source>One award of its group a year</source>
        <translation>One award of its group a year</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>General hardship</source>
        <translation>General hardship</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>Special hardship</source>
        <translation>Special hardship</translation>
    </message>
    <message>
        <source>men</source>
        <translation>men</translation>
    </message>
    <message>
        <source>women</source>
        <translation>women</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>mixed</translation>
    </message>
</context>
</TS>