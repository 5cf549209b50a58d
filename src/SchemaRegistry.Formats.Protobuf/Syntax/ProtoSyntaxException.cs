namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>A .proto text that does not follow the grammar; the message starts with <c>line:column</c>.</summary>
internal sealed class ProtoSyntaxException(int line, int column, string message)
    : Exception($"{line}:{column}: {message}")
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
