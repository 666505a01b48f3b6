"""The scholarships, grants and loans screen 奖助贷: applications of a year, department, award
and state with the selected one's eligibility report; New application…, Review…, Approve…,
Reject…; the quotas (used / quota per department and award) and the award types; Export….

Everything reads and writes the local replica on the local worker thread, so a department
secretary works offline; the sync pushes the changes and the server applies the same rules.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.services.aid import (
    STATES,
    AidService,
    AidTypeRow,
    AwardQuery,
    AwardRow,
    DepartmentRow,
    QuotaRow,
)
from client.ui.aid.common import BarDelegate, RowsModel, ask_xlsx_path, rule_error_text
from client.ui.aid.dialogs import (
    ApplicationDialog,
    DecisionDialog,
    QuotaDialog,
    ReportView,
    need_name,
)
from client.ui.errors import show_error
from client.ui.labels import english
from client.ui.widgets import BusyBar
from client.ui.workers import TaskRunner, local_pool

STATE_TONES = {"approved": "#1e8e3e", "rejected": "#b3261e"}


class AidPage(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aidPage")
        self.window_, self.session = window, window.session
        self.service = AidService(window.sync.service, window.session.user)
        self.runner = TaskRunner(self, local_pool())
        self.language = "en" if english() else "zh"
        self.types: dict[str, AidTypeRow] = {}
        self.departments: dict[str, DepartmentRow] = {}
        self.dialog: Any = None  # the open dialog (tests drive it)
        self._loaded_reference = False
        self._build()
        self._connect()
        window.sync.sig_data_changed.connect(self.refresh)
        self.refresh()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Scholarships, grants and loans"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("aidYear")
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("aidDepartment")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("aidType")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("aidState")
        self.state_combo.addItem(self.tr("All states"), None)
        for state in STATES:
            self.state_combo.addItem(self.state_name(state), state)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Student number or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Year"), self.year_combo), (self.tr("Department"), self.department_combo),
                              (self.tr("Award"), self.type_combo), (self.tr("State"), self.state_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New application…"))
        self.new_button.setObjectName("newApplicationButton")
        self.review_button = QPushButton(self.tr("Review…"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.setObjectName("approveButton")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.setObjectName("rejectButton")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("aidExportButton")
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Applications (as filtered)…"), lambda: self._ask_export("awards"))
        export_menu.addAction(self.tr("Quotas of the year…"), lambda: self._ask_export("quotas"))
        self.export_button.setMenu(export_menu)
        self.busy = BusyBar()
        actions = QHBoxLayout()
        for button in (self.new_button, self.review_button, self.approve_button, self.reject_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.busy, 1)
        actions.addWidget(self.export_button)
        self.new_button.setVisible(self.service.can("aid.write"))
        self.review_button.setVisible(self.service.can("aid.write"))
        self.approve_button.setVisible(self.service.can("aid.approve"))
        self.reject_button.setVisible(self.service.can("aid.approve"))

        self.awards_model = RowsModel([
            (self.tr("Number"), lambda r: r.student_number), (self.tr("Name"), lambda r: r.student_name),
            (self.tr("Class"), lambda r: r.class_name), (self.tr("Department"), lambda r: self.department_name(r.department_id)),
            (self.tr("Award"), lambda r: self.type_name(r.aid_type_id)), (self.tr("Amount"), lambda r: f"{r.amount:,.2f}"),
            (self.tr("GPA"), lambda r: r.figure("gpa_rank_share", "gpa") or r.figure("min_gpa", "gpa") or ""),
            (self.tr("Rank"), lambda r: self._rank(r)), (self.tr("Reviewed"), lambda r: self.tr("yes") if r.reviewed else ""),
            (self.tr("State"), lambda r: self.state_name(r.state) + ("" if r.synced else " ⟳")),
            (self.tr("Reason"), lambda r: r.decision_reason),
        ], self, tone=lambda r: STATE_TONES.get(r.state))
        self.awards_view = self._table(self.awards_model, "awardsTable")
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setObjectName("awardDetailTitle")
        self.report_view = ReportView()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.report_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.awards_view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.quotas_model = RowsModel([
            (self.tr("Department"), lambda q: self.department_name(q.department_id)),
            (self.tr("Award"), lambda q: self.type_name(q.aid_type_id)),
            (self.tr("Quota"), lambda q: "—" if q.quota is None else q.quota), (self.tr("Approved"), lambda q: q.used),
            (self.tr("Submitted"), lambda q: q.pending), (self.tr("Rejected"), lambda q: q.rejected),
            (self.tr("Left"), lambda q: "" if q.quota is None else q.quota - q.used), (self.tr("Used"), lambda q: ""),
        ], self, tone=lambda q: "#b3261e" if q.quota is not None and q.used >= q.quota else None)
        self.quotas_view = self._table(self.quotas_model, "quotasTable")
        self.quotas_view.setItemDelegateForColumn(7, BarDelegate(
            lambda q: None if not q.quota else q.used / q.quota, self.quotas_view))
        self.quota_button = QPushButton(self.tr("Set quota…"))
        self.quota_button.setObjectName("setQuotaButton")
        self.quota_button.setVisible(self.service.can("aid.approve"))
        quotas = QWidget()
        quotas_layout = QVBoxLayout(quotas)
        quotas_layout.setContentsMargins(0, 0, 0, 0)
        quota_actions = QHBoxLayout()
        quota_actions.addWidget(QLabel(self.tr("Places per department and award in the chosen year; approvals take a place.")))
        quota_actions.addStretch(1)
        quota_actions.addWidget(self.quota_button)
        quotas_layout.addLayout(quota_actions)
        quotas_layout.addWidget(self.quotas_view)

        self.types_model = RowsModel([
            (self.tr("Code"), lambda t: t.code), (self.tr("Award"), lambda t: t.label(self.language)),
            (self.tr("Kind"), lambda t: self.kind_name(t.kind)), (self.tr("Amount"), lambda t: f"{t.amount:,.2f}"),
            (self.tr("Rules"), lambda t: self.rules_text(t)),
        ], self)
        self.types_view = self._table(self.types_model, "typesTable")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("aidTabs")
        self.tabs.addTab(split, self.tr("Applications"))
        self.tabs.addTab(quotas, self.tr("Quotas"))
        self.tabs.addTab(self.types_view, self.tr("Award types"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _table(model: RowsModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(26)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _connect(self) -> None:
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.load_awards)
        for combo in (self.year_combo, self.department_combo, self.type_combo, self.state_combo):
            combo.currentIndexChanged.connect(lambda _i: self._filter_timer.start())
        self.search_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.awards_view.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.new_button.clicked.connect(self.open_new_application)
        self.review_button.clicked.connect(lambda: self.open_decision("review"))
        self.approve_button.clicked.connect(lambda: self.open_decision("approve"))
        self.reject_button.clicked.connect(lambda: self.open_decision("reject"))
        self.quota_button.clicked.connect(self.open_quota)
        self.busy.sig_cancel_requested.connect(lambda: self.runner.cancel("aid-export"))
        self._on_selection_changed()

    # -- words --------------------------------------------------------------------------------
    def state_name(self, state: str) -> str:
        return {"submitted": self.tr("Submitted"), "approved": self.tr("Approved"), "rejected": self.tr("Rejected"),
                "applied": self.tr("Approved")}.get(state, state)

    def kind_name(self, kind: str) -> str:
        return {"scholarship": self.tr("Scholarship"), "grant": self.tr("Grant"), "loan": self.tr("Loan")}.get(kind, kind)

    def type_name(self, type_id: str) -> str:
        t = self.types.get(type_id)
        return t.label(self.language) if t else type_id[:8]

    def department_name(self, department_id: str) -> str:
        d = self.departments.get(department_id)
        return d.label(self.language) if d else department_id[:8]

    def rules_text(self, t: AidTypeRow) -> str:
        r, parts = t.rules, []
        if r.no_failed_course:
            parts.append(self.tr("no failed course"))
        if r.gpa_rank_share is not None:
            parts.append(self.tr("GPA in the top %1 of the class").replace("%1", f"{r.gpa_rank_share:.0%}"))
        if r.min_gpa is not None:
            parts.append(self.tr("GPA at least %1").replace("%1", str(r.min_gpa)))
        if r.min_year is not None:
            parts.append(self.tr("year %1 or above").replace("%1", str(r.min_year)))
        if r.financial_need is not None:
            parts.append(self.tr("financial need: %1 or above").replace("%1", need_name(r.financial_need)))
        if r.max_amount_per_year is not None:
            parts.append(self.tr("up to %1 a year").replace("%1", f"{r.max_amount_per_year:,.0f}"))
        if r.exclusive_group:
            parts.append(self.tr("one of group “%1” a year").replace("%1", r.exclusive_group))
        return "; ".join(parts)

    def _rank(self, row: AwardRow) -> str:
        rank, ranked = row.figure("gpa_rank_share", "rank"), row.figure("gpa_rank_share", "ranked")
        return f"{rank}/{ranked}" if rank else ""

    # -- data ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        service = self.service
        self.runner.start(lambda **_: (service.types(), service.departments(), service.academic_years()),
                          key="aid-reference", on_finished=self._on_reference, on_failed=self._on_failed)

    def _on_reference(self, loaded: object) -> None:
        types, departments, years = loaded  # type: ignore[misc]
        self.types = {t.id: t for t in types}
        self.departments = {d.id: d for d in departments}
        self.types_model.set_rows(types)
        self.types_view.resizeColumnsToContents()
        if not self._loaded_reference:
            self._loaded_reference = True
            for combo in (self.year_combo, self.department_combo, self.type_combo):
                combo.blockSignals(True)
            for y in years:
                self.year_combo.addItem(y, y)
            if len(departments) != 1:
                self.department_combo.addItem(self.tr("All departments"), None)
            for d in departments:
                self.department_combo.addItem(d.label(self.language), d.id)
            self.type_combo.addItem(self.tr("All awards"), None)
            for t in types:
                self.type_combo.addItem(t.label(self.language), t.id)
            for combo in (self.year_combo, self.department_combo, self.type_combo):
                combo.blockSignals(False)
        self.load_awards()

    def query(self) -> AwardQuery:
        return AwardQuery(self.year_combo.currentData(), self.department_combo.currentData(),
                          self.type_combo.currentData(), self.state_combo.currentData(), self.search_edit.text())

    @Slot()
    def load_awards(self) -> None:
        query, service = self.query(), self.service
        year = query.academic_year or ""
        self.runner.start(lambda **_: (service.awards(query), service.quotas(year, query.department_id) if year else []),
                          key="aid-load", on_finished=self._on_awards, on_failed=self._on_failed)

    def _on_awards(self, loaded: object) -> None:
        awards, quotas = loaded  # type: ignore[misc]
        selected = self.selected_award()
        self.awards_model.set_rows(awards)
        self.quotas_model.set_rows(quotas)
        self.count_label.setText(self.tr("%1 applications").replace("%1", str(len(awards))))
        for view in (self.awards_view, self.quotas_view):
            view.resizeColumnsToContents()
        self.quotas_view.setColumnWidth(7, 160)
        if selected is not None:
            self.select_award(selected.id)
        self._on_selection_changed()

    def selected_award(self) -> AwardRow | None:
        rows = self.awards_view.selectionModel().selectedRows()
        return self.awards_model.row_at(rows[0].row()) if rows else None

    def select_award(self, award_id: str) -> bool:
        for n, row in enumerate(self.awards_model.rows):
            if row.id == award_id:
                self.awards_view.selectRow(n)
                return True
        return False

    def _on_selection_changed(self) -> None:
        award = self.selected_award()
        open_ = award is not None and award.state == "submitted"
        self.review_button.setEnabled(open_)
        self.approve_button.setEnabled(open_)
        self.reject_button.setEnabled(open_)
        if award is None:
            self.detail_title.setText(self.tr("Select an application to see its eligibility report."))
            self.report_view.show_checks([])
            return
        lines = [f"<b>{award.student_number} {award.student_name}</b> · {self.type_name(award.aid_type_id)} · "
                 f"{award.academic_year} · {self.state_name(award.state)}"]
        if award.review_comment:
            lines.append(self.tr("Review: %1").replace("%1", award.review_comment))
        if award.decision_reason:
            lines.append(self.tr("Decision: %1").replace("%1", award.decision_reason))
        if not award.synced:
            lines.append(self.tr("Not yet sent to the server."))
        self.detail_title.setText("<br>".join(lines))
        self.report_view.show_checks(list(award.report.get("checks", [])))

    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- actions ------------------------------------------------------------------------------
    @Slot()
    def open_new_application(self) -> ApplicationDialog:
        years = [self.year_combo.itemData(i) for i in range(self.year_combo.count())]
        dialog = ApplicationDialog(self.service, self.runner, list(self.types.values()), years,
                                   self.year_combo.currentData(), self)
        dialog.sig_applied.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_decision(self, mode: str) -> DecisionDialog | None:
        award = self.selected_award()
        if award is None:
            return None
        title = {"review": self.tr("Review application"), "approve": self.tr("Approve application"),
                 "reject": self.tr("Reject application")}[mode]
        dialog = DecisionDialog(self.service, self.runner, award, mode, title, self)
        dialog.sig_done.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_quota(self) -> QuotaDialog | None:
        rows = self.quotas_view.selectionModel().selectedRows()
        quota: QuotaRow | None = self.quotas_model.row_at(rows[0].row()) if rows else None
        if quota is None:
            self.tabs.setCurrentIndex(1)
            return None
        caption = f"{self.department_name(quota.department_id)} · {self.type_name(quota.aid_type_id)} · {quota.academic_year}"
        dialog = QuotaDialog(self.service, self.runner, quota.aid_type_id, quota.academic_year, quota.department_id,
                             caption, quota.quota, self)
        dialog.sig_done.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_changed(self, *_args: object) -> None:
        self.load_awards()

    # -- export -------------------------------------------------------------------------------
    def _ask_export(self, what: str) -> None:
        year = self.year_combo.currentData() or ""
        path = ask_xlsx_path(self, f"{'aid' if what == 'awards' else 'aid-quotas'}-{year}-{datetime.now():%Y%m%d-%H%M}.xlsx")
        if path is not None:
            self.export_to(path, what)

    def export_to(self, path: Path, what: str = "awards") -> None:
        """Write the list to ``path`` on a worker, with progress and Cancel; headers in the
        interface language."""
        labels = {"type": {k: self.type_name(k) for k in self.types},
                  "department": {k: self.department_name(k) for k in self.departments},
                  "state": {s: self.state_name(s) for s in (*STATES, "applied")},
                  "need": {n: need_name(n) for n in ("general", "ordinary", "special")}}
        query = self.query()
        if what == "awards":
            headers = [self.tr("Year"), self.tr("Department"), self.tr("Award"), self.tr("Number"), self.tr("Name"),
                       self.tr("Class"), self.tr("Amount"), self.tr("State"), self.tr("GPA"), self.tr("Rank"),
                       self.tr("Financial need"), self.tr("Review"), self.tr("Reason")]
            work: Any = lambda on_progress, cancel: self.service.export_awards(  # noqa: E731
                query, path, headers, labels, on_progress=on_progress, cancel=cancel)
        else:
            headers = [self.tr("Year"), self.tr("Department"), self.tr("Award"), self.tr("Quota"), self.tr("Approved"),
                       self.tr("Submitted"), self.tr("Rejected"), self.tr("Left")]
            year = query.academic_year or ""
            work = lambda on_progress, cancel: self.service.export_quotas(  # noqa: E731
                year, path, headers, labels, on_progress=on_progress, cancel=cancel)
        self.busy.set_busy(True)
        self.last_export: tuple[Path, int] | None = None
        self.runner.start(work, key="aid-export", on_progress=self.busy.set_progress,
                          on_finished=lambda count: self._on_exported(path, count), on_failed=self._on_export_failed)

    def _on_exported(self, path: Path, count: object) -> None:
        self.busy.set_busy(False)
        self.last_export = (path, int(count))  # type: ignore[call-overload]
        self.window_.statusBar().showMessage(self.tr("%1 rows written to %2").replace("%1", str(count))
                                             .replace("%2", str(path)), 10_000)

    def _on_export_failed(self, exc: BaseException) -> None:
        self.busy.set_busy(False)
        self.count_label.setText(rule_error_text(exc))
