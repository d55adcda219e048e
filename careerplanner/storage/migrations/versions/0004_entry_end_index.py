"""An index on the last day of multi-day work entries, for the 24-hour check of a write.

A write checks the days it touches: the entries starting on them come through the start
index, and the spans starting earlier and reaching into them through this one. It holds only
the entries with an end date (single-day entries leave it NULL), so it stays small.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_work_entry_end", ["end"], sqlite_where=sa.text('"end" IS NOT NULL')
        )


def downgrade() -> None:
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_work_entry_end")
