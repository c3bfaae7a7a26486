using ContentHub.Api.Features.OData;

namespace ContentHub.Api.Tests.OData;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Grows_past_its_first_rental_and_keeps_every_byte_in_order()
    {
        using var buffer = new PooledBufferWriter(256);
        var expected = new List<byte>();
        for (var chunk = 0; chunk < 50; chunk++)
        {
            var size = 100 + (chunk * 37);
            var span = buffer.GetSpan(size);
            Assert.True(span.Length >= size);
            for (var i = 0; i < size; i++)
            {
                span[i] = (byte)(chunk + i);
                expected.Add((byte)(chunk + i));
            }

            buffer.Advance(size);
        }

        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
    }
}
