using System.Net.Sockets;
using Npgsql;

namespace ContentHub.Data;

/// <summary>
/// Tells an exception that says "the database cannot be reached now" (refused or broken connection,
/// a server shutting down or recovering, no connection free) from one that says "this statement is
/// wrong". The first is the operator's outage, answered 503 with Retry-After; the second is a bug.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException:
                case SocketException:
                    // Npgsql's own exceptions without a server error are about the connection itself.
                    return true;
            }
        }

        return false;
    }

    // 08: connection exceptions; 57P01–57P03: shutting down, crashed, starting up; 53300: too many connections.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
