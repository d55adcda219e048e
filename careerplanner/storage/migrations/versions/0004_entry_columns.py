"""A stored copy of the work entries' number columns (one BLOB), so a start-up need not read
every entry's row; triggers on work_entry delete the copy whenever an entry is added, removed
or has one of those columns changed, in the same transaction, whoever writes.

The table starts empty: the app writes the copy the first time it has read the rows.

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

_SOURCE = '"id", "start", "end", "hours", "activity", "setting", "supervision", "paid"'
_TRIGGERS = {
    "work_entry_insert_drops_columns": "AFTER INSERT ON work_entry",
    "work_entry_update_drops_columns": f"AFTER UPDATE OF {_SOURCE} ON work_entry",
    "work_entry_delete_drops_columns": "AFTER DELETE ON work_entry",
}


def upgrade() -> None:
    op.create_table(
        "entry_columns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_entry_columns_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_columns")),
    )
    for name, when in _TRIGGERS.items():
        op.execute(
            f'CREATE TRIGGER "{name}" {when} BEGIN DELETE FROM "entry_columns" WHERE "id" = 1; END'
        )


def downgrade() -> None:
    for name in reversed(list(_TRIGGERS)):
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table("entry_columns")
