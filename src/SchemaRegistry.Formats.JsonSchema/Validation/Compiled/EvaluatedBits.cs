namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// Which properties (by position in the object) or items (by index) of an instance have been evaluated, for
/// <c>unevaluatedProperties</c>/<c>unevaluatedItems</c>. An empty span means nobody is tracking: every operation is
/// then a no-op, which is what schemas without those keywords pay.
/// </summary>
internal static class EvaluatedBits
{
    /// <summary>Marks member <paramref name="index"/>.</summary>
    public static void Mark(Span<ulong> bits, int index)
    {
        if (bits.IsEmpty) return;
        bits[index >> 6] |= 1UL << (index & 63);
    }

    /// <summary>True when member <paramref name="index"/> is marked.</summary>
    public static bool IsMarked(ReadOnlySpan<ulong> bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Marks members 0 to <paramref name="count"/> - 1.</summary>
    public static void MarkFirst(Span<ulong> bits, int count)
    {
        if (bits.IsEmpty) return;
        for (var i = 0; i < count; i++) bits[i >> 6] |= 1UL << (i & 63);
    }

    /// <summary>Adds every mark of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static void Merge(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++) target[i] |= source[i];
    }
}
