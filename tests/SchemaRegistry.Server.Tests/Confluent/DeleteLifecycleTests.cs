using System.Net;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Confluent;

/// <summary>Confluent's delete life cycle: soft first, then permanent; numbers continue; referenced versions stay.</summary>
public sealed class DeleteLifecycleTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;
    // Each subject gets schemas of its own (the subject in a $comment), so ids are not shared between tests.
    private static string A(string subject) => $$"""{"type":"string","$comment":"{{subject}}"}""";
    private static string B(string subject) => $$"""{"type":"integer","$comment":"{{subject}}"}""";

    private async Task<string> SubjectWithTwoVersionsAsync()
    {
        var subject = Subject();
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(A(subject))).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(B(subject))).ExpectAsync(HttpStatusCode.OK);
        return subject;
    }

    private async Task<int[]> VersionsAsync(string subject, string query = "") =>
        [.. (await _client.GetAsync($"/subjects/{subject}/versions{query}").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(v => v!.GetValue<int>())];

    [Fact]
    public async Task Soft_deleting_a_version_hides_it_but_keeps_it_readable_with_deleted_true()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        (await _client.DeleteAsync($"/subjects/{subject}/versions/2").ExpectAsync(HttpStatusCode.OK)).GetValue<int>().ShouldBe(2);
        (await VersionsAsync(subject)).ShouldBe([1]);
        (await VersionsAsync(subject, "?deleted=true")).ShouldBe([1, 2]);
        (await VersionsAsync(subject, "?deletedOnly=true")).ShouldBe([2]);
        await _client.GetAsync($"/subjects/{subject}/versions/2").ExpectErrorAsync(40402);
        (await _client.GetAsync($"/subjects/{subject}/versions/2?deleted=true").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(2);
        await _client.PostAsync($"/subjects/{subject}", JsonSchema(B(subject))).ExpectErrorAsync(40403);
        (await _client.PostAsync($"/subjects/{subject}?deleted=true", JsonSchema(B(subject))).ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_latest_walks_down_and_re_registering_continues_the_numbering()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        var idA = (await _client.GetAsync($"/subjects/{subject}/versions/1").ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        await _client.DeleteAsync($"/subjects/{subject}/versions/2").ExpectAsync(HttpStatusCode.OK);
        (await _client.DeleteAsync($"/subjects/{subject}/versions/latest").ExpectAsync(HttpStatusCode.OK)).GetValue<int>().ShouldBe(1);
        await _client.GetAsync($"/subjects/{subject}/versions").ExpectErrorAsync(40401);
        await _client.GetAsync($"/subjects/{subject}/versions/latest").ExpectErrorAsync(40401);
        var again = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(A(subject))).ExpectAsync(HttpStatusCode.OK);
        again["id"]!.GetValue<long>().ShouldBe(idA);
        again["version"]!.GetValue<int>().ShouldBe(3);
        (await VersionsAsync(subject)).ShouldBe([3]);
        // The soft-deleted copy of A moved to version 3; B stays soft deleted as version 2.
        (await VersionsAsync(subject, "?deleted=true")).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task Permanent_delete_needs_a_soft_delete_first()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        await _client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true").ExpectErrorAsync(40407, "was not deleted first before being permanently deleted");
        await _client.DeleteAsync($"/subjects/{subject}/versions/2").ExpectAsync(HttpStatusCode.OK);
        await _client.DeleteAsync($"/subjects/{subject}/versions/2").ExpectErrorAsync(40406, "was soft deleted.Set permanent=true to delete permanently");
        (await _client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true").ExpectAsync(HttpStatusCode.OK)).GetValue<int>().ShouldBe(2);
        await _client.GetAsync($"/subjects/{subject}/versions/2?deleted=true").ExpectErrorAsync(40402);
        await _client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true").ExpectErrorAsync(40402);
        // Version 2 is gone for good, so the next registration takes number 2 again.
        await _client.DeleteAsync($"/subjects/{subject}/versions/1").ExpectAsync(HttpStatusCode.OK);
        var again = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(A(subject))).ExpectAsync(HttpStatusCode.OK);
        again["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_versions_of_a_missing_subject_or_version_says_which()
    {
        await _client.DeleteAsync($"/subjects/{Subject()}/versions/1").ExpectErrorAsync(40401);
        var subject = await SubjectWithTwoVersionsAsync();
        await _client.DeleteAsync($"/subjects/{subject}/versions/7").ExpectErrorAsync(40402);
    }

    [Fact]
    public async Task Subject_delete_life_cycle()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        await _client.DeleteAsync($"/subjects/{subject}?permanent=true").ExpectErrorAsync(40405, $"Subject '{subject}' was not deleted first before being permanently deleted");
        (await _client.DeleteAsync($"/subjects/{subject}").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        await _client.DeleteAsync($"/subjects/{subject}").ExpectErrorAsync(40404, $"Subject '{subject}' was soft deleted.Set permanent=true to delete permanently");

        var listed = await _client.GetAsync($"/subjects?subjectPrefix={subject}").ExpectAsync(HttpStatusCode.OK);
        listed.AsArray().Count.ShouldBe(0);
        (await _client.GetAsync($"/subjects?subjectPrefix={subject}&deleted=true").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
        (await _client.GetAsync($"/subjects?subjectPrefix={subject}&deletedOnly=true").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
        (await _client.PostAsync($"/subjects/{subject}?deleted=true", JsonSchema(A(subject))).ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(1);

        (await _client.DeleteAsync($"/subjects/{subject}?permanent=true").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        await _client.PostAsync($"/subjects/{subject}?deleted=true", JsonSchema(A(subject))).ExpectErrorAsync(40401);
        await _client.DeleteAsync($"/subjects/{subject}").ExpectErrorAsync(40401);
    }

    [Fact]
    public async Task Versions_continue_after_a_soft_subject_delete()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        await _client.DeleteAsync($"/subjects/{subject}").ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"boolean"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"boolean","description":"flag"}""")).ExpectAsync(HttpStatusCode.OK);
        (await VersionsAsync(subject)).ShouldBe([3, 4]);
        await _client.GetAsync($"/subjects/{subject}/versions/1").ExpectErrorAsync(40402);
    }

    [Fact]
    public async Task A_referenced_version_cannot_be_deleted_until_its_referrer_is()
    {
        var address = Subject("address");
        var person = Subject("person");
        await _client.PostAsync($"/subjects/{address}/versions", JsonSchema("""{"$id":"https://example.com/address.json","type":"object","properties":{"street":{"type":"string"}}}""")).ExpectAsync(HttpStatusCode.OK);
        var personBody = await _client.PostAsync($"/subjects/{person}/versions", JsonSchema(
            """{"type":"object","properties":{"home":{"$ref":"https://example.com/address.json"}}}""",
            [new { name = "https://example.com/address.json", subject = address, version = 1 }])).ExpectAsync(HttpStatusCode.OK);
        var personId = personBody["id"]!.GetValue<long>();

        var referencedBy = await _client.GetAsync($"/subjects/{address}/versions/1/referencedby").ExpectAsync(HttpStatusCode.OK);
        referencedBy.AsArray().Select(v => v!.GetValue<long>()).ShouldBe([personId]);
        var version = await _client.GetAsync($"/subjects/{person}/versions/1").ExpectAsync(HttpStatusCode.OK);
        version["references"]!.AsArray().Single()!["subject"]!.GetValue<string>().ShouldBe(address);

        await _client.DeleteAsync($"/subjects/{address}/versions/1").ExpectErrorAsync(42206, $"subject={address},version=1");
        await _client.DeleteAsync($"/subjects/{address}").ExpectErrorAsync(42206);
        await _client.DeleteAsync($"/subjects/{person}/versions/1").ExpectAsync(HttpStatusCode.OK);
        (await _client.GetAsync($"/subjects/{address}/versions/1/referencedby").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(0);
        await _client.DeleteAsync($"/subjects/{address}/versions/1").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reference_to_a_missing_version_is_42201()
    {
        await _client.PostAsync($"/subjects/{Subject()}/versions", JsonSchema("""{"$ref":"other.json"}""", [new { name = "other.json", subject = Subject("missing"), version = 1 }]))
            .ExpectErrorAsync(42201, "does not exist");
    }

    [Fact]
    public async Task Schema_ids_survive_soft_deletes_and_list_usages()
    {
        var subject = await SubjectWithTwoVersionsAsync();
        var id = (await _client.GetAsync($"/subjects/{subject}/versions/2").ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        (await _client.GetAsync($"/schemas/ids/{id}/subjects").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(s => s!.GetValue<string>()).ShouldBe([subject]);
        await _client.DeleteAsync($"/subjects/{subject}/versions/2").ExpectAsync(HttpStatusCode.OK);
        await _client.GetAsync($"/schemas/ids/{id}").ExpectAsync(HttpStatusCode.OK);
        (await _client.GetAsync($"/schemas/ids/{id}/subjects").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(0);
        (await _client.GetAsync($"/schemas/ids/{id}/subjects?deleted=true").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
        var versions = await _client.GetAsync($"/schemas/ids/{id}/versions?deleted=true").ExpectAsync(HttpStatusCode.OK);
        versions.AsArray().Single()!["version"]!.GetValue<int>().ShouldBe(2);
        await _client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true").ExpectAsync(HttpStatusCode.OK);
        await _client.GetAsync($"/schemas/ids/{id}").ExpectErrorAsync(40403, $"Schema {id} not found");
    }
}
