using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

[Collection(RegistryCollection.Name)]
public sealed class ValidateTests(RegistryFixture registry)
{
    private enum Kind { Valid, Blank, NotJson, WrongType, MissingNameNegativeAge }

    // The 5,000-line file: mostly valid people, with blank lines, lines that are not JSON, and two kinds of invalid person.
    private static Kind KindOfLine(int line) =>
        line % 97 == 0 ? Kind.Blank
        : line % 250 == 0 ? Kind.NotJson
        : line % 40 == 0 ? Kind.WrongType
        : line % 45 == 0 ? Kind.MissingNameNegativeAge
        : Kind.Valid;

    private static string LineText(int line) => KindOfLine(line) switch
    {
        Kind.Blank => line % 2 == 0 ? "" : "   ",
        Kind.NotJson => line % 500 == 0 ? "not json at all" : """{"name": "cut off", """,
        Kind.WrongType => $$"""{"name":{{line}},"age":1}""",
        Kind.MissingNameNegativeAge => """{"age":-1}""",
        _ => $$"""{"name":"person {{line}}","age":{{line % 90}}}""",
    };

    private async Task<(string Subject, long Id)> PersonSubjectAsync()
    {
        var subject = RegistryFixture.Subject("validate");
        var registered = await registry.RunAsync("register", subject, registry.WriteFile("person.json", Schemas.Person), "-o", "json");
        registered.ExitCode.ShouldBe(0, registered.ToString());
        return (subject, registered.Json["id"]!.GetValue<long>());
    }

    private string FiveThousandLines()
    {
        var text = new StringBuilder();
        for (var line = 1; line <= 5000; line++) text.Append(LineText(line)).Append(line % 3 == 0 ? "\r\n" : "\n");
        return registry.WriteFile("people.ndjson", text.ToString());
    }

    [Fact]
    public async Task An_ndjson_file_of_5000_lines_gives_exact_counts_and_line_numbers()
    {
        var (subject, _) = await PersonSubjectAsync();
        var file = FiveThousandLines();
        var lines = Enumerable.Range(1, 5000).ToArray();
        var documents = lines.Where(l => KindOfLine(l) != Kind.Blank).ToArray();
        var invalidLines = documents.Where(l => KindOfLine(l) != Kind.Valid).ToArray();

        // An uneven batch size, so documents and their verdicts cross batch boundaries.
        var result = await registry.RunAsync("validate", subject, file, "--batch-size", "137", "--max-errors", "100000", "-o", "json");
        result.ExitCode.ShouldBe(1, result.ToString());
        var report = result.Json;
        report["total"]!.GetValue<long>().ShouldBe(documents.Length);
        report["invalid"]!.GetValue<long>().ShouldBe(invalidLines.Length);
        report["valid"]!.GetValue<long>().ShouldBe(documents.Length - invalidLines.Length);
        report["format"]!.GetValue<string>().ShouldBe("ndjson");
        report["subject"]!.GetValue<string>().ShouldBe(subject);
        report["version"]!.GetValue<int>().ShouldBe(1);

        var errors = report["errors"]!.AsArray().Select(e => e!).ToList();
        errors.Select(e => e["line"]!.GetValue<long>()).Distinct().ShouldBe(invalidLines.Select(l => (long)l));
        foreach (var error in errors)
        {
            var line = (int)error["line"]!.GetValue<long>();
            switch (KindOfLine(line))
            {
                case Kind.NotJson:
                    error["keyword"]!.GetValue<string>().ShouldBe("json");
                    error["message"]!.GetValue<string>().ShouldStartWith("not valid JSON at position");
                    break;
                case Kind.WrongType:
                    error["instancePath"]!.GetValue<string>().ShouldBe("/name");
                    error["keyword"]!.GetValue<string>().ShouldBe("type");
                    break;
                case Kind.MissingNameNegativeAge:
                    error["keyword"]!.GetValue<string>().ShouldBeOneOf("required", "minimum");
                    break;
                default:
                    throw new ShouldAssertException($"line {line} is valid but was reported: {error.ToJsonString()}");
            }
        }
        // A person missing its name with a negative age has two errors: both are reported.
        var twoErrors = invalidLines.First(l => KindOfLine(l) == Kind.MissingNameNegativeAge);
        errors.Where(e => e["line"]!.GetValue<long>() == twoErrors).Select(e => e["keyword"]!.GetValue<string>()).Order()
            .ShouldBe(["minimum", "required"]);
        // The document index skips blank lines.
        var firstInvalid = errors[0];
        firstInvalid["index"]!.GetValue<long>().ShouldBe(Array.IndexOf(documents, invalidLines[0]));
    }

    [Fact]
    public async Task The_summary_lists_counts_and_the_first_errors_in_file_order()
    {
        var (subject, id) = await PersonSubjectAsync();
        var file = FiveThousandLines();
        var documents = Enumerable.Range(1, 5000).Where(l => KindOfLine(l) != Kind.Blank).ToArray();
        var invalid = documents.Count(l => KindOfLine(l) != Kind.Valid);

        var result = await registry.RunAsync("validate", subject, "1", file, "--max-errors", "5");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain($"against {subject} version 1 (schema id {id})");
        result.Out.ShouldContain($"Total:       {documents.Length.ToString("N0", CultureInfo.InvariantCulture)}");
        result.Out.ShouldContain($"Valid:       {(documents.Length - invalid).ToString("N0", CultureInfo.InvariantCulture)}");
        result.Out.ShouldContain($"Invalid:     {invalid}");
        Regex.IsMatch(result.Out, @"Documents/s: [\d,]+").ShouldBeTrue(result.Out);
        result.Out.ShouldContain("First 5 errors (--max-errors):");
        // The first invalid line is 40 (wrong type), then 45 (two errors), 80, 90.
        var rows = Regex.Matches(result.Out, @"│\s*(\d+)\s*│\s*(\S*)\s*│\s*(\S+)\s*│").Select(m => (m.Groups[1].Value, m.Groups[3].Value)).ToList();
        rows.Count.ShouldBe(5, result.Out);
        rows[0].ShouldBe(("40", "type"));
        rows[1].Item1.ShouldBe("45");
        rows[2].Item1.ShouldBe("45");
        rows[3].ShouldBe(("80", "type"));
        rows[4].Item1.ShouldBe("90");
    }

    [Fact]
    public async Task A_file_of_valid_documents_exits_0()
    {
        var (subject, id) = await PersonSubjectAsync();
        var file = registry.WriteFile("ok.jsonl", string.Join('\n', Enumerable.Range(0, 1200).Select(i => $$"""{"name":"p{{i}}"}""")));
        var result = await registry.RunAsync("validate", "--id", id.ToString(), file, "-o", "plain");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Lines.ShouldContain("total\t1200");
        result.Lines.ShouldContain("valid\t1200");
        result.Lines.ShouldContain("invalid\t0");
        (await registry.RunAsync("validate", subject, "latest", file)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_json_array_file_is_many_documents_with_index_and_line()
    {
        var (subject, _) = await PersonSubjectAsync();
        var file = registry.WriteFile("people.json", """
            [
              {"name": "a", "age": 1},
              {"name": 2},
              {"age": -5,
               "name": "c"},
              {"name": "d"}
            ]
            """);
        var result = await registry.RunAsync("validate", subject, file, "-o", "json");
        result.ExitCode.ShouldBe(1, result.ToString());
        var report = result.Json;
        report["format"]!.GetValue<string>().ShouldBe("json");
        report["total"]!.GetValue<long>().ShouldBe(4);
        report["valid"]!.GetValue<long>().ShouldBe(2);
        report["invalid"]!.GetValue<long>().ShouldBe(2);
        var errors = report["errors"]!.AsArray();
        errors.Count.ShouldBe(2);
        (errors[0]!["index"]!.GetValue<long>(), errors[0]!["line"]!.GetValue<long>(), errors[0]!["instancePath"]!.GetValue<string>()).ShouldBe((1L, 3L, "/name"));
        (errors[1]!["index"]!.GetValue<long>(), errors[1]!["line"]!.GetValue<long>(), errors[1]!["keyword"]!.GetValue<string>()).ShouldBe((2L, 4L, "minimum"));

        var table = await registry.RunAsync("validate", subject, file);
        Regex.IsMatch(table.Out, @"│\s*\[1\] line 3\s*│\s*/name\s*│\s*type\s*│").ShouldBeTrue(table.Out);
    }

    [Fact]
    public async Task A_json_file_with_one_document_is_validated_whole()
    {
        var (subject, _) = await PersonSubjectAsync();
        var valid = await registry.RunAsync("validate", subject, registry.WriteFile("one.json", """{"name": "solo", "age": 3}"""), "-o", "json");
        valid.ExitCode.ShouldBe(0, valid.ToString());
        valid.Json["total"]!.GetValue<long>().ShouldBe(1);

        var invalid = await registry.RunAsync("validate", subject, registry.WriteFile("bad.json", "{\n  \"age\": \"old\"\n}"));
        invalid.ExitCode.ShouldBe(1, invalid.ToString());
        Regex.IsMatch(invalid.Out, @"│\s*document\s*│").ShouldBeTrue(invalid.Out);
    }

    [Fact]
    public async Task A_broken_json_array_stops_with_the_line_and_keeps_the_counts()
    {
        var (subject, _) = await PersonSubjectAsync();
        var file = registry.WriteFile("broken.json", "[\n{\"name\":\"a\"},\n{\"name\": },\n{\"name\":\"c\"}\n]");
        var result = await registry.RunAsync("validate", subject, file, "-o", "json");
        result.ExitCode.ShouldBe(1, result.ToString());
        var report = result.Json;
        report["valid"]!.GetValue<long>().ShouldBe(1);
        report["invalid"]!.GetValue<long>().ShouldBe(1);
        report["stoppedEarly"]!.GetValue<string>().ShouldContain("line 3");
        var error = report["errors"]!.AsArray().Single()!;
        error["index"]!.GetValue<long>().ShouldBe(1);
        error["keyword"]!.GetValue<string>().ShouldBe("json");

        (await registry.RunAsync("validate", subject, file)).Out.ShouldContain("Reading stopped before the end of the file: not valid JSON at line 3");
    }

    [Fact]
    public async Task A_forced_progress_bar_does_not_change_the_result()
    {
        var (subject, _) = await PersonSubjectAsync();
        var file = FiveThousandLines();
        var expectedInvalid = Enumerable.Range(1, 5000).Count(l => KindOfLine(l) is not (Kind.Blank or Kind.Valid));
        var result = await registry.RunAsync("validate", subject, file, "--progress", "always", "-o", "plain");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.ShouldContain($"invalid\t{expectedInvalid}");
    }

    [Fact]
    public async Task An_unknown_extension_needs_input_format()
    {
        var (subject, _) = await PersonSubjectAsync();
        var file = registry.WriteFile("data.txt", """{"name":"x"}""");
        var refused = await registry.RunAsync("validate", subject, file);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("--input-format");
        var read = await registry.RunAsync("validate", subject, file, "--input-format", "ndjson", "-o", "json");
        read.ExitCode.ShouldBe(0, read.ToString());
        read.Json["valid"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (subject, _) = await PersonSubjectAsync();
        var result = await registry.RunAsync("validate", subject, Path.Combine(registry.Scratch, "nope.ndjson"));
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("No such file");
        result.Error.ShouldContain("nope.ndjson");
    }

    [Fact]
    public async Task Batches_never_mix_up_verdicts_whatever_the_batch_size()
    {
        var (subject, _) = await PersonSubjectAsync();
        // Every 7th document is invalid; batch sizes that divide, straddle and exceed that period.
        var file = registry.WriteFile("period.ndjson", string.Join('\n', Enumerable.Range(0, 100).Select(i => i % 7 == 3 ? $$"""{"name":{{i}}}""" : $$"""{"name":"p{{i}}"}""")));
        foreach (var size in new[] { "1", "7", "10", "1000" })
        {
            var report = (await registry.RunAsync("validate", subject, file, "--batch-size", size, "--max-errors", "1000", "-o", "json")).Json;
            report["invalid"]!.GetValue<long>().ShouldBe(14, $"batch size {size}");
            report["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<long>())
                .ShouldBe(Enumerable.Range(0, 100).Where(i => i % 7 == 3).Select(i => (long)i + 1), $"batch size {size}");
        }
    }

    [Fact]
    public async Task Standard_input_is_read_as_ndjson()
    {
        var (subject, _) = await PersonSubjectAsync();
        var result = await registry.RunWithInputAsync("{\"name\":\"a\"}\n{\"name\":1}\n\nnope\n", "validate", subject, "-", "-o", "json");
        result.ExitCode.ShouldBe(1, result.ToString());
        var report = result.Json;
        (report["total"]!.GetValue<long>(), report["invalid"]!.GetValue<long>()).ShouldBe((3L, 2L));
        report["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<long>()).ShouldBe([2L, 4L]);
    }
}
