using ContentHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContentHub.Api.Tests.Database;

public sealed class DatabaseSetupTests
{
    [Theory]
    [InlineData("Host=/tmp/x;Database=d", DatabaseSetup.DefaultMaxAutoPrepare)]
    [InlineData("Host=/tmp/x;Database=d;Max Auto Prepare=5", 5)]
    public void Statements_are_prepared_on_the_server_unless_the_connection_string_says_how_many(string connectionString, int expected)
    {
        using var db = DatabaseSetup.CreateContext(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
    }
}
