namespace ContentHub.Data.Embedded;

/// <summary>No PostgreSQL server binaries could be found for the embedded cluster.</summary>
public sealed class PostgresBinariesNotFoundException(string message) : Exception(message);
