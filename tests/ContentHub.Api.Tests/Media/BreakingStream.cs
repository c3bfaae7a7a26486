namespace ContentHub.Api.Tests.Media;

/// <summary>Hands out its bytes until <c>breakAfter</c>, then fails as a dropped connection does.</summary>
public sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= breakAfter)
        {
            throw new IOException("The connection broke.");
        }

        return await base.ReadAsync(buffer[..Math.Min(buffer.Length, 8192)], cancellationToken);
    }
}
