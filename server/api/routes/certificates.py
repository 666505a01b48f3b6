"""Cards and certificates 证件证书: issue a number, void with a reason, list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.api.deps import SessionDep, require
from server.api.schemas.students import CertificateIssue, CertificatePublic, VoidIn
from server.services import certificates
from server.services.principal import Principal

router = APIRouter(prefix="/certificates", tags=["certificates"])
ReaderDep = Annotated[Principal, Depends(require("students.read"))]
IssuerDep = Annotated[Principal, Depends(require("certificates.issue"))]


@router.post("", response_model=CertificatePublic, status_code=201)
def issue_certificate(body: CertificateIssue, session: SessionDep, actor: IssuerDep) -> CertificatePublic:
    return CertificatePublic.model_validate(
        certificates.issue(session, actor, body.student_id, body.kind, body.issued_on))


@router.get("", response_model=list[CertificatePublic])
def list_certificates(session: SessionDep, actor: ReaderDep, student_id: str | None = None, kind: str | None = None,
                      include_void: bool = True) -> list[CertificatePublic]:
    rows = certificates.search(session, actor, student_id=student_id, kind=kind, include_void=include_void)
    return [CertificatePublic.model_validate(c) for c in rows]


@router.post("/{certificate_id}/void", response_model=CertificatePublic)
def void_certificate(certificate_id: str, body: VoidIn, session: SessionDep, actor: IssuerDep) -> CertificatePublic:
    return CertificatePublic.model_validate(certificates.void(session, actor, certificate_id, body.reason))
