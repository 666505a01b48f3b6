"""Initial schema: every table of DESIGN §4.

Revision ID: 0001
Revises:
Create Date: 2026-12-03 13:18:48.347884
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('aid_type',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aid_type')),
    sa.UniqueConstraint('code', name=op.f('uq_aid_type_code'))
    )
    with op.batch_alter_table('aid_type', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aid_type_server_seq'), ['server_seq'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('old_values', sa.Text(), nullable=True),
    sa.Column('new_values', sa.Text(), nullable=True),
    sa.Column('client_address', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_action_at', ['action', 'at'], unique=False)
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index('ix_audit_log_user_at', ['user_id', 'at'], unique=False)

    op.create_table('department',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_department')),
    sa.UniqueConstraint('code', name=op.f('uq_department_code'))
    )
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_department_server_seq'), ['server_seq'], unique=False)

    op.create_table('dorm_building',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('floors', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dorm_building')),
    sa.UniqueConstraint('code', name=op.f('uq_dorm_building_code'))
    )
    with op.batch_alter_table('dorm_building', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dorm_building_server_seq'), ['server_seq'], unique=False)

    op.create_table('login_attempt',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('client_address', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempt'))
    )
    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempt_address_at', ['client_address', 'at'], unique=False)
        batch_op.create_index('ix_login_attempt_username_at', ['username', 'at'], unique=False)

    op.create_table('role',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role')),
    sa.UniqueConstraint('code', name=op.f('uq_role_code'))
    )
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_server_seq'), ['server_seq'], unique=False)

    op.create_table('server_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_server_setting'))
    )
    op.create_table('term',
    sa.Column('code', sa.String(length=11), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('weeks', sa.Integer(), nullable=False),
    sa.Column('teaching_weeks', sa.Integer(), nullable=False),
    sa.Column('days_per_week', sa.Integer(), nullable=False),
    sa.Column('periods_per_day', sa.Integer(), nullable=False),
    sa.Column('morning_periods', sa.Integer(), nullable=False),
    sa.Column('afternoon_periods', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('code', name=op.f('uq_term_code'))
    )
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_term_server_seq'), ['server_seq'], unique=False)

    op.create_table('aid_quota',
    sa.Column('aid_type_id', sa.String(length=36), nullable=False),
    sa.Column('academic_year', sa.String(length=9), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['aid_type_id'], ['aid_type.id'], name=op.f('fk_aid_quota_aid_type_id_aid_type')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_aid_quota_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aid_quota')),
    sa.UniqueConstraint('aid_type_id', 'academic_year', 'department_id', name=op.f('uq_aid_quota_aid_type_id_academic_year_department_id'))
    )
    with op.batch_alter_table('aid_quota', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aid_quota_server_seq'), ['server_seq'], unique=False)

    op.create_table('course',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('credits', sa.Numeric(precision=4, scale=1), nullable=False),
    sa.Column('total_hours', sa.Integer(), nullable=False),
    sa.Column('lecture_hours', sa.Integer(), nullable=False),
    sa.Column('lab_hours', sa.Integer(), nullable=False),
    sa.Column('assessment', sa.String(length=12), nullable=False),
    sa.Column('room_type', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_course_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course')),
    sa.UniqueConstraint('code', name=op.f('uq_course_code'))
    )
    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_course_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_course_server_seq'), ['server_seq'], unique=False)

    op.create_table('dorm_room',
    sa.Column('building_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=10), nullable=False),
    sa.Column('floor', sa.Integer(), nullable=False),
    sa.Column('beds', sa.Integer(), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['building_id'], ['dorm_building.id'], name=op.f('fk_dorm_room_building_id_dorm_building')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dorm_room')),
    sa.UniqueConstraint('building_id', 'number', name=op.f('uq_dorm_room_building_id_number'))
    )
    with op.batch_alter_table('dorm_room', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dorm_room_server_seq'), ['server_seq'], unique=False)

    op.create_table('major',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('duration_years', sa.Integer(), nullable=False),
    sa.Column('degree', sa.String(length=50), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_major_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_major')),
    sa.UniqueConstraint('code', name=op.f('uq_major_code'))
    )
    with op.batch_alter_table('major', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_major_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_major_server_seq'), ['server_seq'], unique=False)

    op.create_table('role_permission',
    sa.Column('role_id', sa.String(length=36), nullable=False),
    sa.Column('permission', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_role_permission_role_id_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_id', 'permission', name=op.f('pk_role_permission'))
    )
    op.create_table('room',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('building', sa.String(length=50), nullable=False),
    sa.Column('floor', sa.Integer(), nullable=False),
    sa.Column('room_type', sa.String(length=20), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('exam_capacity', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_room_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('code', name=op.f('uq_room_code'))
    )
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_building'), ['building'], unique=False)
        batch_op.create_index(batch_op.f('ix_room_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_room_type_capacity', ['room_type', 'capacity'], unique=False)

    op.create_table('special_exam',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=30), nullable=False),
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('exam_date', sa.Date(), nullable=False),
    sa.Column('registration_opens', sa.DateTime(timezone=True), nullable=False),
    sa.Column('registration_closes', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fee', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.Column('room_type', sa.String(length=20), nullable=False),
    sa.Column('max_registrations', sa.Integer(), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_special_exam_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_special_exam')),
    sa.UniqueConstraint('code', name=op.f('uq_special_exam_code'))
    )
    with op.batch_alter_table('special_exam', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_special_exam_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_special_exam_term_id'), ['term_id'], unique=False)

    op.create_table('teacher',
    sa.Column('staff_number', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_teacher_department_id_department')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teacher')),
    sa.UniqueConstraint('staff_number', name=op.f('uq_teacher_staff_number'))
    )
    with op.batch_alter_table('teacher', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teacher_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teacher_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_teacher_server_seq'), ['server_seq'], unique=False)

    op.create_table('unavailability',
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('owner_kind', sa.String(length=10), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_unavailability_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unavailability')),
    sa.UniqueConstraint('term_id', 'owner_kind', 'owner_id', 'day', 'period', name=op.f('uq_unavailability_term_id_owner_kind_owner_id_day_period'))
    )
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unavailability_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unavailability_server_seq'), ['server_seq'], unique=False)

    op.create_table('exam_session',
    sa.Column('exam_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['exam_id'], ['special_exam.id'], name=op.f('fk_exam_session_exam_id_special_exam')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_session')),
    sa.UniqueConstraint('exam_id', 'starts_at', name=op.f('uq_exam_session_exam_id_starts_at'))
    )
    with op.batch_alter_table('exam_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_session_server_seq'), ['server_seq'], unique=False)

    op.create_table('school_class',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('major_id', sa.String(length=36), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('cohort', sa.Integer(), nullable=False),
    sa.Column('head_teacher_id', sa.String(length=36), nullable=True),
    sa.Column('size_limit', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_school_class_department_id_department')),
    sa.ForeignKeyConstraint(['head_teacher_id'], ['teacher.id'], name=op.f('fk_school_class_head_teacher_id_teacher')),
    sa.ForeignKeyConstraint(['major_id'], ['major.id'], name=op.f('fk_school_class_major_id_major')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_class')),
    sa.UniqueConstraint('code', name=op.f('uq_school_class_code'))
    )
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_class_cohort'), ['cohort'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_class_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_school_class_major_cohort', ['major_id', 'cohort'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_class_server_seq'), ['server_seq'], unique=False)

    op.create_table('teaching_plan',
    sa.Column('major_id', sa.String(length=36), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('cohort', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('copied_from_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['copied_from_id'], ['teaching_plan.id'], name=op.f('fk_teaching_plan_copied_from_id_teaching_plan')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_teaching_plan_department_id_department')),
    sa.ForeignKeyConstraint(['major_id'], ['major.id'], name=op.f('fk_teaching_plan_major_id_major')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_plan')),
    sa.UniqueConstraint('major_id', 'cohort', name=op.f('uq_teaching_plan_major_id_cohort'))
    )
    with op.batch_alter_table('teaching_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_plan_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teaching_plan_server_seq'), ['server_seq'], unique=False)

    op.create_table('plan_course',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('course_id', sa.String(length=36), nullable=False),
    sa.Column('semester', sa.Integer(), nullable=False),
    sa.Column('total_hours', sa.Integer(), nullable=False),
    sa.Column('lecture_hours', sa.Integer(), nullable=False),
    sa.Column('lab_hours', sa.Integer(), nullable=False),
    sa.Column('weekly_periods', sa.Integer(), nullable=False),
    sa.Column('credits', sa.Numeric(precision=4, scale=1), nullable=False),
    sa.Column('assessment', sa.String(length=12), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_plan_course_course_id_course')),
    sa.ForeignKeyConstraint(['plan_id'], ['teaching_plan.id'], name=op.f('fk_plan_course_plan_id_teaching_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_course')),
    sa.UniqueConstraint('plan_id', 'course_id', 'semester', name=op.f('uq_plan_course_plan_id_course_id_semester'))
    )
    with op.batch_alter_table('plan_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_course_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_course_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_course_server_seq'), ['server_seq'], unique=False)

    op.create_table('student',
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('political_status', sa.String(length=20), nullable=False),
    sa.Column('native_place', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('class_id', sa.String(length=36), nullable=True),
    sa.Column('major_id', sa.String(length=36), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('cohort', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('expected_graduation', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_student_class_id_school_class')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_student_department_id_department')),
    sa.ForeignKeyConstraint(['major_id'], ['major.id'], name=op.f('fk_student_major_id_major')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student')),
    sa.UniqueConstraint('id_number', name=op.f('uq_student_id_number')),
    sa.UniqueConstraint('number', name=op.f('uq_student_number'))
    )
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_class_id'), ['class_id'], unique=False)
        batch_op.create_index('ix_student_dept_cohort_status', ['department_id', 'cohort', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_major_id'), ['major_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_student_server_seq'), ['server_seq'], unique=False)

    op.create_table('app_user',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('email', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=True),
    sa.Column('teacher_id', sa.String(length=36), nullable=True),
    sa.Column('student_id', sa.String(length=36), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_app_user_department_id_department')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_app_user_student_id_student')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_app_user_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_app_user_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_app_user_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_app_user_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_app_user_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('bed_assignment',
    sa.Column('room_id', sa.String(length=36), nullable=False),
    sa.Column('bed_number', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['room_id'], ['dorm_room.id'], name=op.f('fk_bed_assignment_room_id_dorm_room')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_bed_assignment_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bed_assignment'))
    )
    with op.batch_alter_table('bed_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_bed_assignment_room_bed', ['room_id', 'bed_number', 'end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_bed_assignment_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_bed_assignment_student', ['student_id', 'end_date'], unique=False)

    op.create_table('registration',
    sa.Column('exam_id', sa.String(length=36), nullable=False),
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('paid', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['exam_id'], ['special_exam.id'], name=op.f('fk_registration_exam_id_special_exam')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_registration_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration')),
    sa.UniqueConstraint('exam_id', 'student_id', name=op.f('uq_registration_exam_id_student_id'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_student_id'), ['student_id'], unique=False)

    op.create_table('teaching_task',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('course_id', sa.String(length=36), nullable=False),
    sa.Column('plan_course_id', sa.String(length=36), nullable=True),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('weekly_periods', sa.Integer(), nullable=False),
    sa.Column('block_length', sa.Integer(), nullable=False),
    sa.Column('start_week', sa.Integer(), nullable=False),
    sa.Column('end_week', sa.Integer(), nullable=False),
    sa.Column('week_parity', sa.String(length=5), nullable=False),
    sa.Column('room_type', sa.String(length=20), nullable=False),
    sa.Column('student_count', sa.Integer(), nullable=False),
    sa.Column('min_days', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_teaching_task_course_id_course')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_teaching_task_department_id_department')),
    sa.ForeignKeyConstraint(['plan_course_id'], ['plan_course.id'], name=op.f('fk_teaching_task_plan_course_id_plan_course')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_teaching_task_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_task')),
    sa.UniqueConstraint('code', name=op.f('uq_teaching_task_code'))
    )
    with op.batch_alter_table('teaching_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_task_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teaching_task_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_teaching_task_term_dept', ['term_id', 'department_id'], unique=False)

    op.create_table('aid_award',
    sa.Column('aid_type_id', sa.String(length=36), nullable=False),
    sa.Column('academic_year', sa.String(length=9), nullable=False),
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('application_text', sa.Text(), nullable=False),
    sa.Column('eligibility_report', sa.Text(), nullable=False),
    sa.Column('reviewed_by', sa.String(length=36), nullable=True),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['aid_type_id'], ['aid_type.id'], name=op.f('fk_aid_award_aid_type_id_aid_type')),
    sa.ForeignKeyConstraint(['decided_by'], ['app_user.id'], name=op.f('fk_aid_award_decided_by_app_user')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_aid_award_department_id_department')),
    sa.ForeignKeyConstraint(['reviewed_by'], ['app_user.id'], name=op.f('fk_aid_award_reviewed_by_app_user')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_aid_award_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aid_award')),
    sa.UniqueConstraint('aid_type_id', 'academic_year', 'student_id', name=op.f('uq_aid_award_aid_type_id_academic_year_student_id'))
    )
    with op.batch_alter_table('aid_award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aid_award_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_award_student_id'), ['student_id'], unique=False)
        batch_op.create_index('ix_aid_award_year_dept', ['academic_year', 'department_id', 'state'], unique=False)

    op.create_table('auth_token',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_reason', sa.String(length=40), nullable=False),
    sa.Column('client_address', sa.String(length=64), nullable=False),
    sa.Column('user_agent', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_auth_token_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_auth_token_token_hash'))
    )
    with op.batch_alter_table('auth_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_token_user_id'), ['user_id'], unique=False)

    op.create_table('certificate',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_by', sa.String(length=36), nullable=True),
    sa.Column('void', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['app_user.id'], name=op.f('fk_certificate_issued_by_app_user')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_certificate_student_id_student')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('number', name=op.f('uq_certificate_number'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_certificate_student_kind', ['student_id', 'kind'], unique=False)

    op.create_table('grade',
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('task_id', sa.String(length=36), nullable=True),
    sa.Column('course_id', sa.String(length=36), nullable=False),
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('attempt', sa.String(length=8), nullable=False),
    sa.Column('score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('grade_level', sa.String(length=10), nullable=True),
    sa.Column('components', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('remark', sa.String(length=20), nullable=False),
    sa.Column('entered_by', sa.String(length=36), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_by', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_grade_course_id_course')),
    sa.ForeignKeyConstraint(['entered_by'], ['app_user.id'], name=op.f('fk_grade_entered_by_app_user')),
    sa.ForeignKeyConstraint(['locked_by'], ['app_user.id'], name=op.f('fk_grade_locked_by_app_user')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_grade_student_id_student')),
    sa.ForeignKeyConstraint(['task_id'], ['teaching_task.id'], name=op.f('fk_grade_task_id_teaching_task')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_grade_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grade')),
    sa.UniqueConstraint('student_id', 'course_id', 'term_id', 'attempt', name=op.f('uq_grade_student_id_course_id_term_id_attempt'))
    )
    with op.batch_alter_table('grade', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_grade_student_id'), ['student_id'], unique=False)
        batch_op.create_index('ix_grade_task_state', ['task_id', 'state'], unique=False)
        batch_op.create_index('ix_grade_term_course', ['term_id', 'course_id'], unique=False)

    op.create_table('seat_assignment',
    sa.Column('registration_id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('room_id', sa.String(length=36), nullable=False),
    sa.Column('seat_number', sa.Integer(), nullable=False),
    sa.Column('ticket_number', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_seat_assignment_registration_id_registration')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_seat_assignment_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_seat_assignment_session_id_exam_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seat_assignment')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_seat_assignment_registration_id')),
    sa.UniqueConstraint('session_id', 'room_id', 'seat_number', name=op.f('uq_seat_assignment_session_id_room_id_seat_number')),
    sa.UniqueConstraint('ticket_number', name=op.f('uq_seat_assignment_ticket_number'))
    )
    with op.batch_alter_table('seat_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_seat_assignment_server_seq'), ['server_seq'], unique=False)

    op.create_table('status_change',
    sa.Column('student_id', sa.String(length=36), nullable=False),
    sa.Column('department_id', sa.String(length=36), nullable=False),
    sa.Column('change_type', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('from_class_id', sa.String(length=36), nullable=True),
    sa.Column('to_class_id', sa.String(length=36), nullable=True),
    sa.Column('from_major_id', sa.String(length=36), nullable=True),
    sa.Column('to_major_id', sa.String(length=36), nullable=True),
    sa.Column('from_cohort', sa.Integer(), nullable=True),
    sa.Column('to_cohort', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('document_number', sa.String(length=50), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('batch_id', sa.String(length=36), nullable=True),
    sa.Column('drafted_by', sa.String(length=36), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['app_user.id'], name=op.f('fk_status_change_decided_by_app_user')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_status_change_department_id_department')),
    sa.ForeignKeyConstraint(['drafted_by'], ['app_user.id'], name=op.f('fk_status_change_drafted_by_app_user')),
    sa.ForeignKeyConstraint(['from_class_id'], ['school_class.id'], name=op.f('fk_status_change_from_class_id_school_class')),
    sa.ForeignKeyConstraint(['from_major_id'], ['major.id'], name=op.f('fk_status_change_from_major_id_major')),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_status_change_student_id_student')),
    sa.ForeignKeyConstraint(['to_class_id'], ['school_class.id'], name=op.f('fk_status_change_to_class_id_school_class')),
    sa.ForeignKeyConstraint(['to_major_id'], ['major.id'], name=op.f('fk_status_change_to_major_id_major')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_change'))
    )
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_change_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_status_change_state', ['state', 'department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_change_student_id'), ['student_id'], unique=False)

    op.create_table('teaching_task_class',
    sa.Column('task_id', sa.String(length=36), nullable=False),
    sa.Column('class_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_teaching_task_class_class_id_school_class')),
    sa.ForeignKeyConstraint(['task_id'], ['teaching_task.id'], name=op.f('fk_teaching_task_class_task_id_teaching_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_task_class')),
    sa.UniqueConstraint('task_id', 'class_id', name=op.f('uq_teaching_task_class_task_id_class_id'))
    )
    with op.batch_alter_table('teaching_task_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_task_class_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teaching_task_class_server_seq'), ['server_seq'], unique=False)

    op.create_table('teaching_task_teacher',
    sa.Column('task_id', sa.String(length=36), nullable=False),
    sa.Column('teacher_id', sa.String(length=36), nullable=False),
    sa.Column('is_main', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['task_id'], ['teaching_task.id'], name=op.f('fk_teaching_task_teacher_task_id_teaching_task')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_teaching_task_teacher_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_task_teacher')),
    sa.UniqueConstraint('task_id', 'teacher_id', name=op.f('uq_teaching_task_teacher_task_id_teacher_id'))
    )
    with op.batch_alter_table('teaching_task_teacher', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_task_teacher_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_teaching_task_teacher_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('timetable_entry',
    sa.Column('task_id', sa.String(length=36), nullable=False),
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.String(length=36), nullable=True),
    sa.Column('start_week', sa.Integer(), nullable=False),
    sa.Column('end_week', sa.Integer(), nullable=False),
    sa.Column('week_parity', sa.String(length=5), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_timetable_entry_room_id_room')),
    sa.ForeignKeyConstraint(['task_id'], ['teaching_task.id'], name=op.f('fk_timetable_entry_task_id_teaching_task')),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_timetable_entry_term_id_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timetable_entry'))
    )
    with op.batch_alter_table('timetable_entry', schema=None) as batch_op:
        batch_op.create_index('ix_timetable_entry_room', ['room_id', 'day', 'period'], unique=False)
        batch_op.create_index(batch_op.f('ix_timetable_entry_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_timetable_entry_task_id'), ['task_id'], unique=False)
        batch_op.create_index('ix_timetable_entry_term_slot', ['term_id', 'day', 'period'], unique=False)

    op.create_table('user_role',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('role_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_user_role_role_id_role'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_user_role_user_id_app_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role_id', name=op.f('pk_user_role'))
    )
    with op.batch_alter_table('user_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_role_role_id'), ['role_id'], unique=False)

    op.create_table('grade_change_request',
    sa.Column('grade_id', sa.String(length=36), nullable=False),
    sa.Column('requested_by', sa.String(length=36), nullable=True),
    sa.Column('old_score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('new_score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('old_grade_level', sa.String(length=10), nullable=True),
    sa.Column('new_grade_level', sa.String(length=10), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['app_user.id'], name=op.f('fk_grade_change_request_decided_by_app_user')),
    sa.ForeignKeyConstraint(['grade_id'], ['grade.id'], name=op.f('fk_grade_change_request_grade_id_grade')),
    sa.ForeignKeyConstraint(['requested_by'], ['app_user.id'], name=op.f('fk_grade_change_request_requested_by_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grade_change_request'))
    )
    with op.batch_alter_table('grade_change_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_change_request_grade_id'), ['grade_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grade_change_request_server_seq'), ['server_seq'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('grade_change_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grade_change_request_server_seq'))
        batch_op.drop_index(batch_op.f('ix_grade_change_request_grade_id'))

    op.drop_table('grade_change_request')
    with op.batch_alter_table('user_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_role_role_id'))

    op.drop_table('user_role')
    with op.batch_alter_table('timetable_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_timetable_entry_term_slot')
        batch_op.drop_index(batch_op.f('ix_timetable_entry_task_id'))
        batch_op.drop_index(batch_op.f('ix_timetable_entry_server_seq'))
        batch_op.drop_index('ix_timetable_entry_room')

    op.drop_table('timetable_entry')
    with op.batch_alter_table('teaching_task_teacher', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_task_teacher_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_teaching_task_teacher_server_seq'))

    op.drop_table('teaching_task_teacher')
    with op.batch_alter_table('teaching_task_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_task_class_server_seq'))
        batch_op.drop_index(batch_op.f('ix_teaching_task_class_class_id'))

    op.drop_table('teaching_task_class')
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_change_student_id'))
        batch_op.drop_index('ix_status_change_state')
        batch_op.drop_index(batch_op.f('ix_status_change_server_seq'))
        batch_op.drop_index(batch_op.f('ix_status_change_batch_id'))

    op.drop_table('status_change')
    with op.batch_alter_table('seat_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_seat_assignment_server_seq'))

    op.drop_table('seat_assignment')
    with op.batch_alter_table('grade', schema=None) as batch_op:
        batch_op.drop_index('ix_grade_term_course')
        batch_op.drop_index('ix_grade_task_state')
        batch_op.drop_index(batch_op.f('ix_grade_student_id'))
        batch_op.drop_index(batch_op.f('ix_grade_server_seq'))

    op.drop_table('grade')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index('ix_certificate_student_kind')
        batch_op.drop_index(batch_op.f('ix_certificate_server_seq'))

    op.drop_table('certificate')
    with op.batch_alter_table('auth_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_token_user_id'))

    op.drop_table('auth_token')
    with op.batch_alter_table('aid_award', schema=None) as batch_op:
        batch_op.drop_index('ix_aid_award_year_dept')
        batch_op.drop_index(batch_op.f('ix_aid_award_student_id'))
        batch_op.drop_index(batch_op.f('ix_aid_award_server_seq'))

    op.drop_table('aid_award')
    with op.batch_alter_table('teaching_task', schema=None) as batch_op:
        batch_op.drop_index('ix_teaching_task_term_dept')
        batch_op.drop_index(batch_op.f('ix_teaching_task_server_seq'))
        batch_op.drop_index(batch_op.f('ix_teaching_task_course_id'))

    op.drop_table('teaching_task')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_student_id'))
        batch_op.drop_index(batch_op.f('ix_registration_server_seq'))

    op.drop_table('registration')
    with op.batch_alter_table('bed_assignment', schema=None) as batch_op:
        batch_op.drop_index('ix_bed_assignment_student')
        batch_op.drop_index(batch_op.f('ix_bed_assignment_server_seq'))
        batch_op.drop_index('ix_bed_assignment_room_bed')

    op.drop_table('bed_assignment')
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_app_user_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_app_user_student_id'))
        batch_op.drop_index(batch_op.f('ix_app_user_server_seq'))
        batch_op.drop_index(batch_op.f('ix_app_user_department_id'))

    op.drop_table('app_user')
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_server_seq'))
        batch_op.drop_index(batch_op.f('ix_student_name'))
        batch_op.drop_index(batch_op.f('ix_student_major_id'))
        batch_op.drop_index('ix_student_dept_cohort_status')
        batch_op.drop_index(batch_op.f('ix_student_class_id'))

    op.drop_table('student')
    with op.batch_alter_table('plan_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_course_server_seq'))
        batch_op.drop_index(batch_op.f('ix_plan_course_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_course_course_id'))

    op.drop_table('plan_course')
    with op.batch_alter_table('teaching_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_plan_server_seq'))
        batch_op.drop_index(batch_op.f('ix_teaching_plan_department_id'))

    op.drop_table('teaching_plan')
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_class_server_seq'))
        batch_op.drop_index('ix_school_class_major_cohort')
        batch_op.drop_index(batch_op.f('ix_school_class_department_id'))
        batch_op.drop_index(batch_op.f('ix_school_class_cohort'))

    op.drop_table('school_class')
    with op.batch_alter_table('exam_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_session_server_seq'))

    op.drop_table('exam_session')
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unavailability_server_seq'))
        batch_op.drop_index(batch_op.f('ix_unavailability_owner_id'))

    op.drop_table('unavailability')
    with op.batch_alter_table('teacher', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teacher_server_seq'))
        batch_op.drop_index(batch_op.f('ix_teacher_name'))
        batch_op.drop_index(batch_op.f('ix_teacher_department_id'))

    op.drop_table('teacher')
    with op.batch_alter_table('special_exam', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_special_exam_term_id'))
        batch_op.drop_index(batch_op.f('ix_special_exam_server_seq'))

    op.drop_table('special_exam')
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.drop_index('ix_room_type_capacity')
        batch_op.drop_index(batch_op.f('ix_room_server_seq'))
        batch_op.drop_index(batch_op.f('ix_room_building'))

    op.drop_table('room')
    op.drop_table('role_permission')
    with op.batch_alter_table('major', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_major_server_seq'))
        batch_op.drop_index(batch_op.f('ix_major_department_id'))

    op.drop_table('major')
    with op.batch_alter_table('dorm_room', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dorm_room_server_seq'))

    op.drop_table('dorm_room')
    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_server_seq'))
        batch_op.drop_index(batch_op.f('ix_course_name'))
        batch_op.drop_index(batch_op.f('ix_course_department_id'))

    op.drop_table('course')
    with op.batch_alter_table('aid_quota', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aid_quota_server_seq'))

    op.drop_table('aid_quota')
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_term_server_seq'))

    op.drop_table('term')
    op.drop_table('server_setting')
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_server_seq'))

    op.drop_table('role')
    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempt_username_at')
        batch_op.drop_index('ix_login_attempt_address_at')

    op.drop_table('login_attempt')
    with op.batch_alter_table('dorm_building', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dorm_building_server_seq'))

    op.drop_table('dorm_building')
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_department_server_seq'))

    op.drop_table('department')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_user_at')
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_index('ix_audit_log_at')
        batch_op.drop_index('ix_audit_log_action_at')

    op.drop_table('audit_log')
    with op.batch_alter_table('aid_type', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aid_type_server_seq'))

    op.drop_table('aid_type')
