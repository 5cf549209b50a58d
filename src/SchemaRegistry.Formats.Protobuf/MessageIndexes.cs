using System.Globalization;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// Confluent's message indexes: the path from a top-level message to a (nested) message, each index counting only the
/// message declarations at its level, in declaration order. The wire format puts this path after the schema id
/// (<c>[0]</c> = the first top-level message, <c>[1, 0]</c> = the first message nested in the second one).
/// </summary>
internal static class MessageIndexes
{
    /// <summary>The index path of a message by full name; null when the schema's file does not declare it.</summary>
    public static IReadOnlyList<int>? Of(SchemaModel model, string fullName)
    {
        var path = new List<int>();
        return Find(model.Main.Messages, fullName, path) ? path : null;
    }

    /// <summary>The full name of the message at an index path; null when the path leads nowhere.</summary>
    public static string? NameAt(SchemaModel model, IReadOnlyList<int> indexes)
    {
        var level = model.Main.Messages.Where(m => !m.IsMapEntry).ToList();
        MessageModel? current = null;
        foreach (var index in indexes)
        {
            if (index < 0 || index >= level.Count) return null;
            current = level[index];
            level = current.Messages.Where(m => !m.IsMapEntry).ToList();
        }
        return current?.FullName;
    }

    /// <summary>Reads <c>1,0</c> (or <c>[1,0]</c>) as an index path; false for anything else.</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> indexes)
    {
        indexes = [];
        var trimmed = text.Trim().TrimStart('[').TrimEnd(']');
        if (trimmed.Length == 0 || !char.IsAsciiDigit(trimmed[0])) return false;
        var parts = new List<int>();
        foreach (var part in trimmed.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return false;
            parts.Add(index);
        }
        indexes = parts;
        return true;
    }

    private static bool Find(List<MessageModel> level, string fullName, List<int> path)
    {
        var index = 0;
        foreach (var message in level)
        {
            if (message.IsMapEntry) continue;
            path.Add(index);
            if (message.FullName == fullName || Find(message.Messages, fullName, path)) return true;
            path.RemoveAt(path.Count - 1);
            index++;
        }
        return false;
    }
}
