using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Canonical;

/// <summary>Named types from other subjects through Confluent references.</summary>
public sealed class ReferenceTests
{
    private const string Address = """{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"city","type":"string"},{"name":"country","type":"Country"}]}""";
    private const string Country = """{"type":"enum","name":"Country","namespace":"com.acme","symbols":["FR","DE"]}""";
    private const string Person = """{"type":"record","name":"Person","namespace":"com.acme","fields":[{"name":"name","type":"string"},{"name":"home","type":"Address"},{"name":"born","type":"com.acme.Country"}]}""";

    private static ResolvedReference AddressReference(string address = Address) =>
        Reference("com.acme.Address", address, 1, Reference("com.acme.Country", Country));

    [Fact]
    public void Referenced_types_are_named_not_inlined_and_transitive_ones_resolve()
    {
        var person = Parse(Person, false, AddressReference());
        // Printed as Java prints names: short when in the namespace in force.
        person.CanonicalText.ShouldBe(Person.Replace("\"com.acme.Country\"", "\"Country\"", StringComparison.Ordinal));
        person.References.ShouldBe([new SchemaReference("com.acme.Address", "subject-com.acme.Address", 1)]);
        // The nested reference (Country, referenced by Address) is usable by name too.
        Parse(Person, true, AddressReference()).CanonicalText
            .ShouldBe("""{"name":"com.acme.Person","type":"record","fields":[{"name":"name","type":"string"},{"name":"home","type":"com.acme.Address"},{"name":"born","type":"com.acme.Country"}]}""");
    }

    [Fact]
    public void A_missing_or_foreign_reference_is_refused()
    {
        Refuse(Person).ShouldContain("\"Address\" is not a defined name");
        Refuse(Person, new ResolvedReference("com.acme.Address", "s", 1, "JSON", "{}", [])).ShouldContain("an Avro schema can only reference Avro schemas");
        Refuse(Person, Reference("com.acme.Address", "{\"type\":\"record\"")).ShouldContain("In the reference 'com.acme.Address'");
        Refuse(Person, Reference("com.acme.Address", Address)).ShouldContain("\"Country\" is not a defined name");
    }

    [Fact]
    public void A_schema_may_not_redefine_a_referenced_type()
    {
        Refuse("""{"type":"record","name":"X","fields":[{"name":"c","type":{"type":"enum","name":"com.acme.Country","symbols":["X"]}}]}""", Reference("com.acme.Country", Country))
            .ShouldContain("Can't redefine: com.acme.Country");
    }

    [Fact]
    public void Diffs_follow_referenced_types()
    {
        var before = Parse(Person, false, AddressReference());
        var withZip = Address.Replace("""{"name":"city","type":"string"},""", """{"name":"city","type":"string"},{"name":"zip","type":"string"},""", StringComparison.Ordinal);
        var after = Parse(Person, false, AddressReference(withZip));
        var changes = after.DiffFrom(before);
        changes.ShouldContain(c => c.Kind == "READER_FIELD_MISSING_DEFAULT_VALUE" && c.Path == "/fields/1/type/fields/1" && c.Impact == ChangeImpact.Breaking);
        before.DiffFrom(after).ShouldContain(c => c.Kind == "FIELD_REMOVED" && c.Impact == ChangeImpact.Compatible);
    }

    [Fact]
    public void Data_of_referenced_types_is_validated()
    {
        var validator = Parse(Person, false, AddressReference()).CompileValidator();
        using var good = System.Text.Json.JsonDocument.Parse("""{"name":"Ada","home":{"city":"Paris","country":"FR"},"born":"DE"}""");
        validator.Validate(good.RootElement).IsValid.ShouldBeTrue();
        using var bad = System.Text.Json.JsonDocument.Parse("""{"name":"Ada","home":{"city":"Paris","country":"UK"},"born":"DE"}""");
        validator.Validate(bad.RootElement).Errors.ShouldHaveSingleItem().InstancePath.ShouldBe("/home/country");
    }
}
