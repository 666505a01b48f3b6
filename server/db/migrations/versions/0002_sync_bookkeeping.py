"""Sync bookkeeping: the commit-ordered counter and applied client operations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 13:32:55.283215
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applied_op',
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('client_id', 'op_id', name=op.f('pk_applied_op'))
    )
    with op.batch_alter_table('applied_op', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applied_op_at'), ['at'], unique=False)

    op.create_table('sync_counter',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_counter'))
    )
    # The counter row must exist before writers compete for its lock.
    op.execute("INSERT INTO sync_counter (name, value) VALUES ('server_seq', 0)")


def downgrade() -> None:
    op.drop_table('sync_counter')
    with op.batch_alter_table('applied_op', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applied_op_at'))

    op.drop_table('applied_op')
