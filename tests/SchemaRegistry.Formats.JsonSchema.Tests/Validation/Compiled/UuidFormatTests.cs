using System.Text;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>The raw-text proof of <c>uuid</c> (vectorised) never proves what <c>Guid.TryParseExact(value, "D")</c> refuses, and proves every plain one.</summary>
public sealed class UuidFormatTests
{
    private static readonly FormatChecker Uuid = FormatChecker.For("uuid")!;

    // Around the hex ranges' edges, the dash, and bytes beyond ASCII.
    private static readonly byte[] Edges = [.. "/09:@AFG`afg- {}xX"u8.ToArray(), 0x80, 0xC3, 0xFF, 0x00];

    [Fact]
    public void Proves_plain_uuids_and_nothing_the_library_refuses()
    {
        var random = new Random(20261127);
        var proven = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = Encoding.ASCII.GetBytes(n % 2 == 0 ? Guid.NewGuid().ToString("D").ToUpperInvariant() : Guid.NewGuid().ToString("D"));
            Uuid.ProvesRaw(text).ShouldBeTrue(Encoding.ASCII.GetString(text));
            var mutated = (byte[])text.Clone();
            mutated[random.Next(mutated.Length)] = Edges[random.Next(Edges.Length)];
            if (random.Next(4) == 0) mutated[random.Next(mutated.Length)] = Edges[random.Next(Edges.Length)];
            var accepted = Guid.TryParseExact(Encoding.Latin1.GetString(mutated), "D", out _);
            if (Uuid.ProvesRaw(mutated))
            {
                accepted.ShouldBeTrue(Encoding.Latin1.GetString(mutated));
                proven++;
            }
            else
            {
                // Not proven on the raw text: the decoded check decides, and must agree with the library.
                Uuid.Check(Encoding.Latin1.GetString(mutated)).ShouldBe(accepted);
            }
        }
        proven.ShouldBeGreaterThan(1_000); // mutations that keep it a uuid (a hex digit for another) are still proven
    }

    [Theory]
    [InlineData("")]
    [InlineData("3f1c2a9e-7b4d-4e8a-9c51-2d6f0b8e4a1")]
    [InlineData("3f1c2a9e-7b4d-4e8a-9c51-2d6f0b8e4a177")]
    [InlineData("3f1c2a9e7b4d-4e8a-9c51-2d6f0b8e4a17-")]
    [InlineData("{3f1c2a9e-7b4d-4e8a-9c51-2d6f0b8e4a1}")]
    public void Does_not_prove_other_shapes(string text) => Uuid.ProvesRaw(Encoding.UTF8.GetBytes(text)).ShouldBeFalse();
}
