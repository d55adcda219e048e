"""The hours log's records: supervisors, employers, schedules (with the days they filled or
skipped), clock times on entries, and the entry history (the audit log gains the changed
fields and an import's file).

Every distinct free-text employer of the existing entries (compared without case or
surrounding spaces) becomes one employer record, named as its first entry spells it, without
a setting (its entries keep theirs); the entries then point to it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SETTINGS = (
    "'hospital', 'rehabilitation', 'home-health', 'skilled-nursing', 'clinic', "
    "'behavioral-health', 'insurance', 'social-services', 'other'"
)
_ACTIVITIES = "'case-management', 'supervising', 'other'"
_CREDENTIALS = "'CCM', 'LCSW', 'LMSW', 'RN', 'other-licensed', 'none'"


def upgrade() -> None:
    _create_tables()
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("end_time", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("break_minutes", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(sa.Column("supervisor_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("employer_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_work_entry_supervisor_id"), ["supervisor_id"])
        batch_op.create_index(batch_op.f("ix_work_entry_employer_id"), ["employer_id"])
    with op.batch_alter_table("entry_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("fields", sa.Text(), server_default=sa.text("'{}'"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("source", sa.Text(), server_default=sa.text("''"), nullable=False)
        )
    _employers_from_entries()


def _create_tables() -> None:
    op.create_table(
        "supervisor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("credential", sa.String(length=20), nullable=False),
        sa.Column("license_number", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("active_from", sa.Date(), nullable=True),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            f'"credential" IN ({_CREDENTIALS})', name=op.f("ck_supervisor_credential_valid")
        ),
        sa.CheckConstraint(
            '"active_to" IS NULL OR "active_to" >= "active_from"',
            name=op.f("ck_supervisor_active_to_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor")),
    )
    op.create_table(
        "employer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("setting", sa.String(length=20), nullable=True),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.CheckConstraint(
            f'"setting" IS NULL OR "setting" IN ({_SETTINGS})',
            name=op.f("ck_employer_setting_valid"),
        ),
        sa.CheckConstraint('"end" IS NULL OR "end" >= "start"', name=op.f("ck_employer_end_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer")),
    )
    op.create_table(
        "schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.Text(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("activity", sa.String(length=20), nullable=False),
        sa.Column("setting", sa.String(length=20), nullable=True),
        sa.CheckConstraint(
            f'"activity" IN ({_ACTIVITIES})', name=op.f("ck_schedule_activity_valid")
        ),
        sa.CheckConstraint('"end" IS NULL OR "end" >= "start"', name=op.f("ck_schedule_end_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule")),
    )
    op.create_table(
        "schedule_day",
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("schedule_id", "day", name=op.f("pk_schedule_day")),
    )


def _employers_from_entries() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, employer FROM work_entry WHERE trim(employer) != '' ORDER BY id")
    ).all()
    ids: dict[str, int] = {}
    for entry_id, name in rows:
        key = name.strip().casefold()
        if key not in ids:
            ids[key] = connection.execute(
                sa.text(
                    "INSERT INTO employer (name, setting, paid, start, \"end\") "
                    "VALUES (:name, NULL, 1, NULL, NULL) RETURNING id"
                ),
                {"name": name.strip()},
            ).scalar_one()
        connection.execute(
            sa.text("UPDATE work_entry SET employer_id = :e WHERE id = :i"),
            {"e": ids[key], "i": entry_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("entry_event", schema=None) as batch_op:
        batch_op.drop_column("source")
        batch_op.drop_column("fields")
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_entry_employer_id"))
        batch_op.drop_index(batch_op.f("ix_work_entry_supervisor_id"))
        for column in ("employer_id", "supervisor_id", "break_minutes", "end_time", "start_time"):
            batch_op.drop_column(column)
    op.drop_table("schedule_day")
    op.drop_table("schedule")
    op.drop_table("employer")
    op.drop_table("supervisor")
