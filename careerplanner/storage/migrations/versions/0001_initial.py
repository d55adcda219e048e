"""The first schema: profile, education, licenses, exams, hours with their audit log, CE,
goals, scenarios and dismissed reminders.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ce_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('topic', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('provider', sa.Text(), nullable=False),
    sa.Column('certificate', sa.Text(), nullable=False),
    sa.CheckConstraint('"hours" > 0', name=op.f('ck_ce_activity_hours_positive')),
    sa.CheckConstraint('"topic" IN (\'case-management\', \'ethics\', \'general\')', name=op.f('ck_ce_activity_topic_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ce_activity'))
    )
    with op.batch_alter_table('ce_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ce_activity_date'), ['date'], unique=False)

    op.create_table('degree',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('accredited', sa.Boolean(), nullable=False),
    sa.Column('field_experience', sa.Boolean(), nullable=False),
    sa.Column('institution', sa.Text(), nullable=False),
    sa.CheckConstraint('"end" IS NULL OR "end" >= "start"', name=op.f('ck_degree_end_order')),
    sa.CheckConstraint('"field" IN (\'nursing\', \'social-work\', \'counseling\', \'psychology\', \'rehabilitation\', \'public-health\', \'health-sciences\', \'human-services\', \'healthcare-admin\', \'other\')', name=op.f('ck_degree_field_valid')),
    sa.CheckConstraint('"level" IN (\'associate\', \'bachelor\', \'master\', \'doctorate\')', name=op.f('ck_degree_level_valid')),
    sa.CheckConstraint('"status" IN (\'planned\', \'in-progress\', \'completed\')', name=op.f('ck_degree_status_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_degree'))
    )
    op.create_table('entry_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_event'))
    )
    with op.batch_alter_table('entry_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_event_entry_id'), ['entry_id'], unique=False)

    op.create_table('exam',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('passed', sa.Date(), nullable=False),
    sa.CheckConstraint('"type" IN (\'ASWB-BACHELORS\', \'ASWB-MASTERS\')', name=op.f('ck_exam_type_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam'))
    )
    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cert_id', sa.String(length=20), nullable=False),
    sa.Column('target', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('earned_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.CheckConstraint('"status" IN (\'planning\', \'applied\', \'exam-scheduled\', \'earned\')', name=op.f('ck_goal_status_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal')),
    sa.UniqueConstraint('cert_id', name=op.f('uq_goal_cert_id'))
    )
    op.create_table('license',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('issued', sa.Date(), nullable=False),
    sa.Column('expires', sa.Date(), nullable=True),
    sa.Column('number', sa.Text(), nullable=False),
    sa.CheckConstraint('"expires" IS NULL OR "expires" >= "issued"', name=op.f('ck_license_expires_order')),
    sa.CheckConstraint('"type" IN (\'RN\', \'LPN\', \'LBSW\', \'LMSW\', \'LCSW\', \'LPC\', \'CRC\', \'CDMS\', \'other\')', name=op.f('ck_license_type_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_license'))
    )
    op.create_table('profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('track', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('weekly_hours', sa.Float(), nullable=False),
    sa.Column('ce_hours_per_year', sa.Float(), nullable=False),
    sa.Column('current_salary', sa.Float(), nullable=True),
    sa.Column('raise_percent', sa.Float(), nullable=False),
    sa.CheckConstraint('"track" IN (\'nurse\', \'social-work\', \'other\')', name=op.f('ck_profile_track_valid')),
    sa.CheckConstraint('id = 1', name=op.f('ck_profile_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile'))
    )
    op.create_table('reminder_dismissal',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('dismissed_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_reminder_dismissal'))
    )
    op.create_table('scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('weekly_hours', sa.Float(), nullable=True),
    sa.Column('ce_hours_per_year', sa.Float(), nullable=True),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('raise_percent', sa.Float(), nullable=True),
    sa.Column('degree_dates', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('saved_projection', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario')),
    sa.UniqueConstraint('name', name=op.f('uq_scenario_name'))
    )
    op.create_table('work_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('activity', sa.String(length=20), nullable=False),
    sa.Column('setting', sa.String(length=20), nullable=False),
    sa.Column('supervision', sa.String(length=20), nullable=False),
    sa.Column('paid', sa.Boolean(), nullable=False),
    sa.Column('employer', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('verified_by', sa.Text(), nullable=False),
    sa.Column('verified_credential', sa.Text(), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.CheckConstraint('"activity" IN (\'case-management\', \'supervising\', \'other\')', name=op.f('ck_work_entry_activity_valid')),
    sa.CheckConstraint('"end" IS NULL OR "end" >= "start"', name=op.f('ck_work_entry_end_order')),
    sa.CheckConstraint('"hours" > 0', name=op.f('ck_work_entry_hours_positive')),
    sa.CheckConstraint('"setting" IN (\'hospital\', \'rehabilitation\', \'home-health\', \'skilled-nursing\', \'clinic\', \'behavioral-health\', \'insurance\', \'social-services\', \'other\')', name=op.f('ck_work_entry_setting_valid')),
    sa.CheckConstraint('"supervision" IN (\'none\', \'ccm\', \'licensed-sw\', \'rn\', \'other-licensed\')', name=op.f('ck_work_entry_supervision_valid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_entry')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('work_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_entry_start'), ['start'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('work_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_entry_start'))

    op.drop_table('work_entry')
    op.drop_table('scenario')
    op.drop_table('reminder_dismissal')
    op.drop_table('profile')
    op.drop_table('license')
    op.drop_table('goal')
    op.drop_table('exam')
    with op.batch_alter_table('entry_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entry_event_entry_id'))

    op.drop_table('entry_event')
    op.drop_table('degree')
    with op.batch_alter_table('ce_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ce_activity_date'))

    op.drop_table('ce_activity')
