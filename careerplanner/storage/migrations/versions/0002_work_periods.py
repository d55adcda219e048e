"""Rules v2: planned work periods, a license's renewal flag, a scenario's own work periods.

Existing licenses are assumed renewed on time (the rules v2 default); existing scenarios use
the plan's periods (NULL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ACTIVITIES = "'case-management', 'supervising', 'other'"
_SETTINGS = (
    "'hospital', 'rehabilitation', 'home-health', 'skilled-nursing', 'clinic', "
    "'behavioral-health', 'insurance', 'social-services', 'other'"
)
_SUPERVISION = "'none', 'ccm', 'licensed-sw', 'rn', 'other-licensed'"


def upgrade() -> None:
    op.create_table(
        "work_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("activity", sa.String(length=20), nullable=False),
        sa.Column("setting", sa.String(length=20), nullable=False),
        sa.Column("supervision", sa.String(length=20), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("employer", sa.Text(), nullable=False),
        sa.CheckConstraint(
            f'"activity" IN ({_ACTIVITIES})', name=op.f("ck_work_periods_activity_valid")
        ),
        sa.CheckConstraint(
            '"end" IS NULL OR "end" >= "start"', name=op.f("ck_work_periods_end_order")
        ),
        sa.CheckConstraint(
            f'"setting" IN ({_SETTINGS})', name=op.f("ck_work_periods_setting_valid")
        ),
        sa.CheckConstraint(
            f'"supervision" IN ({_SUPERVISION})', name=op.f("ck_work_periods_supervision_valid")
        ),
        sa.CheckConstraint(
            '"weekly_hours" > 0', name=op.f("ck_work_periods_weekly_hours_positive")
        ),
        sa.CheckConstraint(
            '"weekly_hours" <= 168', name=op.f("ck_work_periods_weekly_hours_at_most_168")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_periods")),
    )
    with op.batch_alter_table("license", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("renewal_assumed", sa.Boolean(), server_default=sa.text("1"), nullable=False)
        )
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.add_column(sa.Column("work_periods", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.drop_column("work_periods")
    with op.batch_alter_table("license", schema=None) as batch_op:
        batch_op.drop_column("renewal_assumed")
    op.drop_table("work_periods")
