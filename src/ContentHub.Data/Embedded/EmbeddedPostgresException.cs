namespace ContentHub.Data.Embedded;

/// <summary>The embedded cluster could not be prepared or started; the message says why and what to do.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
