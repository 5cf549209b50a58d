using System.Globalization;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// The per-call state of one validation: the path to the current value (kept as JSON properties and indexes, turned
/// into a pointer string only when an error is reported) and the errors, created on the first one. One instance is
/// cached per thread, so validating a valid document allocates nothing.
/// </summary>
internal sealed class ValidationState
{
    /// <summary>How deep messages may nest in a document before it is refused (hostile input).</summary>
    public const int MaxDepth = 100;

    [ThreadStatic] private static ValidationState? _cached;

    private Segment[] _path = new Segment[16];
    private int _depth;

    private readonly record struct Segment(JsonProperty Property, int Index, bool IsIndex);

    public List<ValidationError>? Errors { get; private set; }

    public int Depth => _depth;

    public static ValidationState Rent()
    {
        var state = _cached ?? new ValidationState();
        _cached = null;
        state._depth = 0;
        state.Errors = null;
        return state;
    }

    public static void Return(ValidationState state)
    {
        state.Errors = null;
        Array.Clear(state._path, 0, state._depth);
        _cached = state;
    }

    public void Push(JsonProperty property) => PushSegment(new Segment(property, 0, false));

    public void Push(int index) => PushSegment(new Segment(default, index, true));

    public void Pop() => _depth--;

    private void PushSegment(Segment segment)
    {
        if (_depth == _path.Length) Array.Resize(ref _path, _path.Length * 2);
        _path[_depth++] = segment;
    }

    public void Error(string schemaPath, string keyword, string message)
    {
        Errors ??= [];
        Errors.Add(new ValidationError(InstancePath(), schemaPath, keyword, message));
    }

    private string InstancePath()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            sb.Append('/');
            var segment = _path[i];
            if (segment.IsIndex)
                sb.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            else
                sb.Append(RawJson.Name(segment.Property).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }
        return sb.ToString();
    }
}
