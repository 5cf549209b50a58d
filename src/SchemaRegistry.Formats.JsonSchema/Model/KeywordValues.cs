using System.Collections;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// The occurrences of one keyword in an effective schema (<see cref="EffectiveSchema.All"/>), read-only. A struct with
/// the list's own enumerator: the diff's rules loop over keywords on every comparison, and an interface-typed list
/// allocated an enumerator for each loop.
/// </summary>
internal readonly struct KeywordValues(List<KeywordValue>? list) : IReadOnlyList<KeywordValue>
{
    private static readonly List<KeywordValue> None = [];

    private readonly List<KeywordValue> _list = list ?? None;

    public int Count => _list.Count;

    public KeywordValue this[int index] => _list[index];

    public List<KeywordValue>.Enumerator GetEnumerator() => _list.GetEnumerator();

    IEnumerator<KeywordValue> IEnumerable<KeywordValue>.GetEnumerator() => _list.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _list.GetEnumerator();
}
