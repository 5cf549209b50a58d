using System.Runtime.InteropServices;
using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The value a compiled check looks at: a document element, or a property name (what <c>propertyNames</c> validates).
/// A name is a string whose text is read from the document in place, so validating names allocates nothing, where the
/// library builds a new <see cref="JsonElement"/> for each one.
/// </summary>
internal readonly struct Instance
{
    private readonly JsonProperty _property;

    private Instance(JsonElement element)
    {
        Element = element;
        IsName = false;
        // Read once: every check of the subschema asks, and each element query is a lookup in the document's table.
        Kind = element.ValueKind;
    }

    private Instance(JsonProperty property)
    {
        _property = property;
        Element = default;
        IsName = true;
        Kind = JsonValueKind.String;
    }

    /// <summary>The element (meaningless for a property name).</summary>
    public JsonElement Element { get; }

    /// <summary>True when the value is a property name (a string).</summary>
    public bool IsName { get; }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>An element.</summary>
    public static Instance Of(JsonElement element) => new(element);

    /// <summary>The name of a property.</summary>
    public static Instance NameOf(JsonProperty property) => new(property);

    /// <summary>The string's text as written in the document: UTF-8, escapes not decoded, without the quotes.</summary>
    public ReadOnlySpan<byte> RawString
    {
        get
        {
            if (IsName) return JsonMarshal.GetRawUtf8PropertyName(_property);
            var raw = JsonMarshal.GetRawUtf8Value(Element);
            return raw[1..^1];
        }
    }

    /// <summary>The number's text as written in the document.</summary>
    public ReadOnlySpan<byte> RawNumber => JsonMarshal.GetRawUtf8Value(Element);

    /// <summary>
    /// The value as an element, for the few checks delegated to the library (a name becomes a new element: those
    /// checks allocate anyway).
    /// </summary>
    public JsonElement ToElement() => IsName ? JsonSerializer.SerializeToElement(_property.Name) : Element;

    /// <summary>The string value (allocates: for messages and the library fallbacks only).</summary>
    public string GetString() => IsName ? _property.Name : Element.GetString()!;
}
