"""Alembic's environment: migrates the connection handed over in `config.attributes`."""

from alembic import context

from careerplanner.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "CareerPlanner migrations run from careerplanner.storage.migrate, which passes a connection"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
