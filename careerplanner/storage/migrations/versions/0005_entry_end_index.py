"""An index on the last day of multi-day work entries, for the 24-hour check of a write.

A write checks the days it touches: the entries starting on them come through the start
index, and the spans starting earlier and reaching into them through this one. It holds only
the entries with an end date (single-day entries leave it NULL), so it stays small.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain CREATE INDEX: a batch operation may rebuild the table, and with it drop the
    # triggers migration 0004 put on work_entry.
    op.create_index(
        "ix_work_entry_end", "work_entry", ["end"], sqlite_where=sa.text('"end" IS NOT NULL')
    )


def downgrade() -> None:
    op.drop_index("ix_work_entry_end", table_name="work_entry")
