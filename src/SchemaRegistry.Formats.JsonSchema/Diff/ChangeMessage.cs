using System.Runtime.CompilerServices;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// The message of a change being recorded, formatted from an interpolated string only when the diff will read it
/// (<see cref="DiffContext.WritesMessage"/>): a compatibility check against many earlier versions would otherwise spend
/// most of its time writing messages about added properties that nobody reads.
/// </summary>
[InterpolatedStringHandler]
internal ref struct ChangeMessage
{
    private DefaultInterpolatedStringHandler _text;
    private readonly bool _writes;

    public ChangeMessage(int literalLength, int formattedCount, DiffContext context, string kind, out bool shouldAppend)
    {
        Impact = ChangeKinds.Info(kind).Impact;
        _writes = shouldAppend = context.WritesMessage(Impact);
        _text = _writes ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>The impact of the change's kind, from the catalogue.</summary>
    public ChangeImpact Impact { get; }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    /// <summary>The message, or "" when it was not written.</summary>
    public string ToStringAndClear() => _writes ? _text.ToStringAndClear() : "";
}
