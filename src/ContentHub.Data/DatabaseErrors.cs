using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContentHub.Data;

/// <summary>Recognises the PostgreSQL errors that mean "the request conflicts with stored data", not "the server failed".</summary>
public static class DatabaseErrors
{
    public static bool IsUniqueViolation(DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == constraint;

    public static bool IsForeignKeyViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
