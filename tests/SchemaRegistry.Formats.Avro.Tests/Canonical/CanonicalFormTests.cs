using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Canonical;

/// <summary>
/// The canonical text is Confluent's (Java <c>Schema.toString(references, false)</c>); the normalized text is
/// Confluent's <c>normalize=true</c> with the documented deviations. Both are fixed points of parsing.
/// </summary>
public sealed class CanonicalFormTests
{
    private static readonly string[] Texts =
    [
        "\"int\"",
        "[\"null\",{\"type\":\"array\",\"items\":\"string\"},{\"type\":\"map\",\"values\":\"double\"}]",
        """{"type":"record","name":"User","namespace":"com.acme","doc":"A user.","aliases":["Person","old.People"],"fields":[{"name":"name","type":"string","doc":"Full name","aliases":["fullName"]},{"name":"age","default":null,"type":["null","int"]},{"name":"kind","type":{"type":"enum","name":"Kind","namespace":"com.acme","symbols":["A","B"],"default":"A"}},{"name":"other","type":"Kind"},{"name":"score","type":"double","default":1,"order":"descending","x-unit":"points"}]}""",
        """{"type":"record","name":"Node","fields":[{"name":"value","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},{"name":"next","type":["null","Node"],"default":null}]}""",
        """{"type":"record","name":"a.Outer","fields":[{"name":"inner","type":{"type":"record","name":"Inner","namespace":"","fields":[{"name":"f","type":{"type":"fixed","name":"F","size":4,"aliases":["G"]}}]}},{"name":"again","type":"Inner"}]}""",
        """{"type":"record","name":"P","fields":[{"name":"m","type":{"type":"map","values":{"type":"long","logicalType":"timestamp-millis"},"java-class":"java.util.HashMap"}},{"name":"e","type":"float","default":-0.0,"meta":{"b":[1,2.50,1e3],"a":"\u0001\"é"}}]}""",
    ];

    public static TheoryData<string> Corpus() => [.. Texts];

    [Fact]
    public void Matches_confluent_for_what_the_dotnet_serializer_sends()
    {
        // Apache.Avro's ToString() of a record (key order name, default, type; namespace repeated), as captured from
        // the .NET serializer, and the canonical string Confluent stores for it.
        var sent = """{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"name","type":"string"},{"name":"age","default":null,"type":["null","int"]},{"name":"kind","type":{"type":"enum","name":"Kind","namespace":"com.acme","symbols":["A","B"]}}]}""";
        Parse(sent).CanonicalText.ShouldBe("""{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"name","type":"string"},{"name":"age","type":["null","int"],"default":null},{"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}}]}""");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Apache_avro_prints_what_reads_back_to_the_same_canonical_text(string text)
    {
        // What a .NET client registers is Apache.Avro's ToString() of the schema it was served. Two things are lost
        // on the way (see the next test); apart from those, it is the same schema, so the same id.
        var canonical = Parse(text).CanonicalText;
        var expected = canonical.Replace(",\"order\":\"descending\"", "", StringComparison.Ordinal).Replace(",\"namespace\":\"\"", "", StringComparison.Ordinal);
        Parse(global::Avro.Schema.Parse(canonical).ToString()).CanonicalText.ShouldBe(Parse(expected).CanonicalText);
    }

    [Fact]
    public void Apache_avro_loses_field_orders_and_empty_namespaces()
    {
        // Library bugs of Apache.Avro 1.12: ToString() drops "order", and "namespace": "" is read as "inherit".
        // A .NET client re-registering such a schema sends a slightly different one; the diff says what it is.
        var withOrder = Parse(Texts[2]);
        var printed = Parse(global::Avro.Schema.Parse(withOrder.CanonicalText).ToString());
        printed.DiffFrom(withOrder).ShouldHaveSingleItem().Kind.ShouldBe("FIELD_ORDER_CHANGED");
        var withoutNamespace = Parse(Texts[4]);
        var moved = Parse(global::Avro.Schema.Parse(withoutNamespace.CanonicalText).ToString());
        // Inner and the fixed inside it move into namespace a (and so do the fixed's aliases): compatible, not breaking.
        moved.DiffFrom(withoutNamespace).Select(c => (c.Kind, c.Path)).ShouldBe([
            ("NAMESPACE_CHANGED", "/fields/0/type/name"),
            ("NAMESPACE_CHANGED", "/fields/0/type/fields/0/type/name"),
            ("ALIASES_CHANGED", "/fields/0/type/fields/0/type/aliases")]);
    }

    [Fact]
    public void A_decimal_over_a_fixed_survives_the_dotnet_round_trip()
    {
        var canonical = Parse("""{"type":"record","name":"Price","fields":[{"name":"amount","type":{"type":"fixed","name":"Money","size":8,"logicalType":"decimal","precision":18,"scale":2}}]}""").CanonicalText;
        var printed = global::Avro.Schema.Parse(canonical).ToString();
        printed.ShouldContain("{\"type\":{\"type\":\"fixed\""); // Apache.Avro's nested form
        Parse(printed).CanonicalText.ShouldBe(canonical);
    }

    [Fact]
    public void Whitespace_and_grammar_key_order_collapse_property_order_does_not()
    {
        Parse("{   \"type\":   \"string\"}").CanonicalText.ShouldBe("\"string\"");
        Parse("""{ "fields" : [ { "type" : "int", "name" : "a" } ], "name" : "R", "type" : "record" }""").CanonicalText
            .ShouldBe("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}""");
        Parse("""{"type":"int","b":1,"a":2}""").CanonicalText.ShouldBe("""{"type":"int","b":1,"a":2}""");
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("1.0", "1.0")]
    [InlineData("1e2", "100.0")]
    [InlineData("2.50", "2.5")]
    [InlineData("0.001", "0.001")]
    [InlineData("0.0001", "1.0E-4")]
    [InlineData("12345678.5", "1.23456785E7")]
    [InlineData("9999999.0", "9999999.0")]
    [InlineData("-1.5e-7", "-1.5E-7")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Numbers_print_as_jackson_prints_them(string written, string printed) =>
        Parse($$"""{"type":"int","n":{{written}}}""").CanonicalText.ShouldBe($$"""{"type":"int","n":{{printed}}}""");

    [Fact]
    public void Strings_escape_only_what_json_requires()
    {
        Parse("{\"type\":\"int\",\"s\":\"tab\\there \\u0001 quote\\\" slash/ é \\u00e9 €\"}").CanonicalText
            .ShouldBe("{\"type\":\"int\",\"s\":\"tab\\there \\u0001 quote\\\" slash/ é é €\"}");
    }

    [Fact]
    public void Named_types_are_written_once_then_by_name_with_namespaces_where_they_differ()
    {
        var text = Parse(Texts[4]).CanonicalText;
        text.ShouldBe("""{"type":"record","name":"Outer","namespace":"a","fields":[{"name":"inner","type":{"type":"record","name":"Inner","namespace":"","fields":[{"name":"f","type":{"type":"fixed","name":"F","size":4,"aliases":["G"]}}]}},{"name":"again","type":"Inner"}]}""");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Canonical_and_normalized_texts_are_fixed_points(string text)
    {
        var canonical = Parse(text).CanonicalText;
        Parse(canonical).CanonicalText.ShouldBe(canonical);
        var normalized = Parse(text, normalize: true).CanonicalText;
        Parse(normalized, normalize: true).CanonicalText.ShouldBe(normalized);
        // Normalizing the canonical text or the original gives the same: normalization forgets only what canonical keeps.
        Parse(canonical, normalize: true).CanonicalText.ShouldBe(normalized);
        // The normalized text means the same schema: its canonical form normalizes back to it.
        Parse(Parse(normalized).CanonicalText, normalize: true).CanonicalText.ShouldBe(normalized);
    }

    [Fact]
    public void Normalization_sorts_properties_and_aliases_and_spells_out_names_and_defaults()
    {
        var normalized = Parse(Texts[2], normalize: true).CanonicalText;
        normalized.ShouldBe("""{"name":"com.acme.User","type":"record","fields":[{"name":"name","type":"string","doc":"Full name","aliases":["fullName"]},{"name":"age","type":["null","int"],"default":null},{"name":"kind","type":{"name":"com.acme.Kind","type":"enum","symbols":["A","B"],"default":"A"}},{"name":"other","type":"com.acme.Kind"},{"name":"score","type":"double","order":"descending","default":1.0,"x-unit":"points"}],"doc":"A user.","aliases":["com.acme.Person","old.People"]}""");
        Parse("""{"type":"int","b":{"y":1,"x":2},"a":true}""", normalize: true).CanonicalText.ShouldBe("""{"type":"int","a":true,"b":{"x":2,"y":1}}""");
        Parse("""{"type":"int","a":true,"b":{"x":2,"y":1}}""", normalize: true).CanonicalText
            .ShouldBe(Parse("""{"type":"int","b":{"y":1,"x":2},"a":true}""", normalize: true).CanonicalText);
    }

    [Fact]
    public void Normalization_spells_out_logical_types_and_keeps_meaning()
    {
        Parse("""{"scale":0,"precision":4,"logicalType":"decimal","type":"bytes"}""", normalize: true).CanonicalText
            .ShouldBe("""{"type":"bytes","logicalType":"decimal","precision":4}""");
        // A type without namespace inside one with a namespace keeps saying so (Java's normalized text would move it).
        Parse(Texts[4], normalize: true).CanonicalText
            .ShouldBe("""{"name":"a.Outer","type":"record","fields":[{"name":"inner","type":{"name":"Inner","namespace":"","type":"record","fields":[{"name":"f","type":{"name":"F","type":"fixed","size":4,"aliases":["G"]}}]}},{"name":"again","type":"Inner"}]}""");
        // An error is a record once normalized, as in Confluent; a float default prints as a Java float.
        Parse("""{"type":"error","name":"E","fields":[{"name":"f","type":"float","default":0.1}]}""", normalize: true).CanonicalText
            .ShouldBe("""{"name":"E","type":"record","fields":[{"name":"f","type":"float","default":0.1}]}""");
    }
}
