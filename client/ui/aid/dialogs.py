"""The aid screen's dialogs: a new application with the live eligibility report, the
department's review, approve / reject with a reason, and a department's quota."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.services.aid import AidService, AidTypeRow, AwardRow, StudentHit
from client.ui.aid.common import rule_error_text
from client.ui.errors import server_message
from client.ui.labels import english
from client.ui.widgets import ERROR_STYLE, FieldError
from client.ui.workers import TaskRunner
from core.rules.aid import NEED_LEVELS, EligibilityReport

PASSED, FAILED = "#1e8e3e", "#b3261e"


def rule_name(rule: str) -> str:
    names = {
        "enrolled": QCoreApplication.translate("welfare", "Enrolled"),
        "no_failed_course": QCoreApplication.translate("welfare", "No failed course"),
        "gpa_rank_share": QCoreApplication.translate("welfare", "GPA rank in the class"),
        "min_gpa": QCoreApplication.translate("welfare", "Minimum GPA"),
        "min_year": QCoreApplication.translate("welfare", "Year of study"),
        "financial_need": QCoreApplication.translate("welfare", "Financial need"),
        "exclusive_group": QCoreApplication.translate("welfare", "One award of its group a year"),
    }
    return names.get(rule, rule)


def need_name(level: str | None) -> str:
    return {None: QCoreApplication.translate("welfare", "Not recognised"), "general": QCoreApplication.translate("welfare", "General hardship"),
            "ordinary": QCoreApplication.translate("welfare", "Hardship"), "special": QCoreApplication.translate("welfare", "Special hardship")}.get(level, level or "")


def fill_need_combo(combo: QComboBox, current: str | None = None) -> None:
    for level in (None, *NEED_LEVELS):
        combo.addItem(need_name(level), level)
    combo.setCurrentIndex(max(combo.findData(current), 0))


class ReportView(QTableWidget):
    """An eligibility report: each rule passed or failed, with its figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("eligibilityReport")
        self.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Result"), self.tr("Figures")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_checks(self, checks: list[dict[str, Any]]) -> None:
        self.setRowCount(len(checks))
        for row, check in enumerate(checks):
            ok = bool(check.get("passed"))
            result = QTableWidgetItem(self.tr("✓ Passed") if ok else self.tr("✗ Failed"))
            result.setForeground(QColor(PASSED if ok else FAILED))
            self.setItem(row, 0, QTableWidgetItem(rule_name(str(check.get("rule")))))
            self.setItem(row, 1, result)
            self.setItem(row, 2, QTableWidgetItem(server_message(str(check.get("message", "")))))
        self.resizeRowsToContents()

    def show_report(self, report: EligibilityReport | None) -> None:
        self.show_checks([] if report is None else [
            {"rule": c.rule, "passed": c.passed, "message": c.message} for c in report.checks])


class ApplicationDialog(QDialog):
    """New application…: award, year, the student (searched in the replica), the hardship
    level and amount; the eligibility report is recomputed locally on every change."""

    sig_applied = Signal(str)

    def __init__(self, service: AidService, runner: TaskRunner, types: list[AidTypeRow], years: list[str],
                 year: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationDialog")
        self.setWindowTitle(self.tr("New application"))
        self.service, self.runner, self.types = service, runner, {t.id: t for t in types}
        self.report: EligibilityReport | None = None
        self.type_combo = QComboBox()
        language = "en" if english() else "zh"
        for t in types:
            self.type_combo.addItem(f"{t.label(language)} ({t.amount:,.0f})", t.id)
        self.year_combo = QComboBox()
        for y in years:
            self.year_combo.addItem(y, y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("applicationStudentSearch")
        self.search_edit.setPlaceholderText(self.tr("Student number or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.student_list = QListWidget()
        self.student_list.setObjectName("applicationStudents")
        self.student_list.setMaximumHeight(130)
        self.need_combo = QComboBox()
        fill_need_combo(self.need_combo)
        self.amount_spin = QDoubleSpinBox()
        self.amount_spin.setRange(0, 1_000_000)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setGroupSeparatorShown(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(60)
        self.text_edit.setPlaceholderText(self.tr("Why the student applies (optional)"))
        self.verdict = QLabel()
        self.verdict.setObjectName("eligibilityVerdict")
        self.verdict.setWordWrap(True)
        self.report_view = ReportView()
        self.error = FieldError()
        self.error.setObjectName("applicationError")
        form = QFormLayout()
        form.addRow(self.tr("Award"), self.type_combo)
        form.addRow(self.tr("Academic year"), self.year_combo)
        form.addRow(self.tr("Student"), self.search_edit)
        form.addRow("", self.student_list)
        form.addRow(self.tr("Financial need"), self.need_combo)
        form.addRow(self.tr("Amount"), self.amount_spin)
        form.addRow(self.tr("Application"), self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(self.tr("Submit application"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("submitApplicationButton")
        self.submit_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Eligibility (computed on this computer from the grades held here)")))
        layout.addWidget(self.verdict)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 680)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._search)
        self._check_timer = QTimer(self, singleShot=True, interval=80)
        self._check_timer.timeout.connect(self._check)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.student_list.currentItemChanged.connect(lambda *_: self._check_timer.start())
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.need_combo.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self._on_submit_clicked)
        self._on_type_changed()
        self._search()

    # -- inputs -------------------------------------------------------------------------------
    def aid_type(self) -> AidTypeRow | None:
        return self.types.get(self.type_combo.currentData())

    def student_id(self) -> str | None:
        item = self.student_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def choose_student(self, student_id: str) -> None:
        for row in range(self.student_list.count()):
            if self.student_list.item(row).data(Qt.ItemDataRole.UserRole) == student_id:
                self.student_list.setCurrentRow(row)
                return

    @Slot()
    def _on_type_changed(self) -> None:
        aid_type = self.aid_type()
        loan = aid_type is not None and aid_type.rules.max_amount_per_year is not None
        self.amount_spin.setEnabled(loan)
        if aid_type is not None:
            self.amount_spin.setMaximum(float(aid_type.rules.max_amount_per_year or aid_type.amount))
            self.amount_spin.setValue(float(aid_type.amount))
        self._check_timer.start()

    @Slot()
    def _search(self) -> None:
        self.runner.start(lambda **_: self.service.search_students(self.search_edit.text(), limit=40),
                          key="aid-student-search", on_finished=self._on_students_found, on_failed=self._show_failure)

    def _on_students_found(self, hits: object) -> None:
        current = self.student_id()
        self.student_list.clear()
        for hit in hits:  # type: ignore[attr-defined]
            assert isinstance(hit, StudentHit)
            item = QListWidgetItem(f"{hit.number}  {hit.name}  {hit.class_name}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.student_list.addItem(item)
        if current:
            self.choose_student(current)

    # -- the live report ----------------------------------------------------------------------
    @Slot()
    def _check(self) -> None:
        aid_type, student_id = self.aid_type(), self.student_id()
        self.submit_button.setEnabled(False)
        if aid_type is None or student_id is None:
            self.report = None
            self.report_view.show_report(None)
            self.verdict.setText(self.tr("Choose an award and a student."))
            self.verdict.setStyleSheet("")
            return
        year, need = str(self.year_combo.currentData()), self.need_combo.currentData()
        self.runner.start(lambda **_: self.service.eligibility(aid_type.id, year, student_id, financial_need=need),
                          key="aid-eligibility", on_finished=self._on_report, on_failed=self._show_failure)

    def _on_report(self, report: object) -> None:
        assert isinstance(report, EligibilityReport)
        self.report = report
        self.report_view.show_report(report)
        self.error.show_message("")
        if report.passed:
            self.verdict.setText(self.tr("Eligible: every rule is met (grades of %1).").replace("%1", report.evaluation_year))
            self.verdict.setStyleSheet(f"color: {PASSED}; font-weight: 600;")
        else:
            failed = ", ".join(rule_name(c.rule) for c in report.checks if not c.passed)
            self.verdict.setText(self.tr("Not eligible: %1.").replace("%1", failed))
            self.verdict.setStyleSheet(ERROR_STYLE + " font-weight: 600;")
        self.submit_button.setEnabled(report.passed and self.service.can("aid.write"))

    def _show_failure(self, exc: BaseException) -> None:
        self.error.show_message(rule_error_text(exc))

    # -- submit -------------------------------------------------------------------------------
    @Slot()
    def _on_submit_clicked(self) -> None:
        aid_type, student_id = self.aid_type(), self.student_id()
        if aid_type is None or student_id is None:
            return
        amount = Decimal(str(self.amount_spin.value())) if self.amount_spin.isEnabled() else None
        self.submit_button.setEnabled(False)
        self.runner.start(lambda **_: self.service.apply(
            aid_type.id, str(self.year_combo.currentData()), student_id, financial_need=self.need_combo.currentData(),
            amount=amount, application_text=self.text_edit.toPlainText()),
            key="aid-apply", on_finished=self._on_applied, on_failed=self._on_apply_failed)

    def _on_applied(self, award_id: object) -> None:
        self.sig_applied.emit(str(award_id))
        self.accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        self._show_failure(exc)
        self._check_timer.start()


class DecisionDialog(QDialog):
    """Review…, Approve… or Reject… one application; a rule's refusal shows in the dialog."""

    sig_done = Signal()

    def __init__(self, service: AidService, runner: TaskRunner, award: AwardRow, mode: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{mode}Dialog")
        self.setWindowTitle(title)
        self.service, self.runner, self.award, self.mode = service, runner, award, mode
        who = QLabel(f"<b>{award.student_number} {award.student_name}</b> · {award.class_name} · "
                     f"{award.academic_year} · {award.amount:,.2f}")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("decisionReason")
        self.reason_edit.setMaximumHeight(80)
        self.reason_edit.setPlaceholderText(self.tr("Reason (required to reject)") if mode != "review"
                                            else self.tr("The department's review comment"))
        self.need_combo = QComboBox()
        fill_need_combo(self.need_combo, award.financial_need)
        self.error = FieldError()
        self.error.setObjectName("decisionError")
        report = ReportView()
        report.show_checks(list(award.report.get("checks", [])))
        form = QFormLayout()
        form.addRow(self.tr("Application"), who)
        if mode == "review":
            form.addRow(self.tr("Financial need"), self.need_combo)
        form.addRow(self.tr("Comment") if mode == "review" else self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        label = {"review": self.tr("Record review"), "approve": self.tr("Approve"), "reject": self.tr("Reject")}[mode]
        self.ok_button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("decisionOkButton")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(report, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.clicked.connect(self._on_ok_clicked)

    @Slot()
    def _on_ok_clicked(self) -> None:
        reason, award_id = self.reason_edit.toPlainText(), self.award.id
        if self.mode == "review":
            need = self.need_combo.currentData()
            work: Any = lambda **_: self.service.review(award_id, reason, financial_need=need)  # noqa: E731
        elif self.mode == "approve":
            work = lambda **_: self.service.approve(award_id, reason)  # noqa: E731
        else:
            work = lambda **_: self.service.reject(award_id, reason)  # noqa: E731
        self.ok_button.setEnabled(False)
        self.runner.start(work, key=f"aid-{self.mode}", on_finished=self._on_done, on_failed=self._on_failed)

    def _on_done(self, _result: object) -> None:
        self.sig_done.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_message(rule_error_text(exc))


class QuotaDialog(QDialog):
    """Set one department's quota of one award and year (``aid.approve``)."""

    sig_done = Signal()

    def __init__(self, service: AidService, runner: TaskRunner, aid_type_id: str, year: str, department_id: str,
                 caption: str, quota: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotaDialog")
        self.setWindowTitle(self.tr("Set quota"))
        self.service, self.runner = service, runner
        self._key = (aid_type_id, year, department_id)
        self.spin = QSpinBox()
        self.spin.setObjectName("quotaSpin")
        self.spin.setRange(0, 100_000)
        self.spin.setValue(quota or 0)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Quota of"), QLabel(caption))
        form.addRow(self.tr("Places"), self.spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)

    @Slot()
    def _on_ok(self) -> None:
        aid_type_id, year, department_id = self._key
        value = self.spin.value()
        self.runner.start(lambda **_: self.service.set_quota(aid_type_id, year, department_id, value),
                          key="aid-quota", on_finished=lambda _r: (self.sig_done.emit(), self.accept()),
                          on_failed=lambda exc: self.error.show_message(rule_error_text(exc)))
