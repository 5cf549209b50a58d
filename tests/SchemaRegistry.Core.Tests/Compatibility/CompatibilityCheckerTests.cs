using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Tests.Support;

namespace SchemaRegistry.Core.Tests.Compatibility;

public class CompatibilityCheckerTests
{
    private static IReadOnlyList<VersionedSchema> History(params FakeSchema[] schemas) =>
        [.. schemas.Select((s, i) => new VersionedSchema(i + 1, s))];

    [Fact]
    public void Backward_allows_widening_and_refuses_narrowing()
    {
        var old = FakeSchema.Of(1, 2);
        CompatibilityChecker.Check(CompatibilityLevel.Backward, FakeSchema.Of(1, 2, 3), History(old)).IsCompatible.ShouldBeTrue();
        var narrowed = CompatibilityChecker.Check(CompatibilityLevel.Backward, FakeSchema.Of(1), History(old));
        narrowed.IsCompatible.ShouldBeFalse();
        narrowed.Violations.ShouldHaveSingleItem().Change.Kind.ShouldBe("VALUE_REMOVED");
        narrowed.Violations[0].Direction.ShouldBe(CompatibilityDirection.Backward);
        narrowed.Violations[0].AgainstVersion.ShouldBe(1);
    }

    [Fact]
    public void Forward_swaps_the_roles()
    {
        var old = FakeSchema.Of(1, 2);
        CompatibilityChecker.Check(CompatibilityLevel.Forward, FakeSchema.Of(1), History(old)).IsCompatible.ShouldBeTrue();
        var widened = CompatibilityChecker.Check(CompatibilityLevel.Forward, FakeSchema.Of(1, 2, 3), History(old));
        widened.IsCompatible.ShouldBeFalse();
        widened.Violations.ShouldHaveSingleItem().Direction.ShouldBe(CompatibilityDirection.Forward);
    }

    [Fact]
    public void Full_needs_both_directions()
    {
        var old = FakeSchema.Of(1, 2);
        CompatibilityChecker.Check(CompatibilityLevel.Full, FakeSchema.Of(1, 2, 3), History(old)).IsCompatible.ShouldBeFalse();
        CompatibilityChecker.Check(CompatibilityLevel.Full, FakeSchema.Of(1), History(old)).IsCompatible.ShouldBeFalse();
        CompatibilityChecker.Check(CompatibilityLevel.Full, new FakeSchema(new HashSet<int> { 1, 2 }, "documented"), History(old)).IsCompatible.ShouldBeTrue();
    }

    [Fact]
    public void Non_transitive_levels_only_look_at_the_latest_version()
    {
        // v1 {1,2} -> v2 {1,2,3}: the candidate {1,3} drops 2 (breaks v1 and v2 alike) - use one that only breaks v1.
        var history = History(FakeSchema.Of(5), FakeSchema.Of(1, 2));
        var candidate = FakeSchema.Of(1, 2, 3);
        CompatibilityChecker.Check(CompatibilityLevel.Backward, candidate, history).IsCompatible.ShouldBeTrue();
        var transitive = CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, candidate, history);
        transitive.IsCompatible.ShouldBeFalse();
        transitive.Violations.ShouldAllBe(v => v.AgainstVersion == 1);
    }

    [Fact]
    public void None_and_empty_history_are_always_compatible()
    {
        CompatibilityChecker.Check(CompatibilityLevel.None, FakeSchema.Of(), History(FakeSchema.Of(1))).IsCompatible.ShouldBeTrue();
        foreach (var level in CompatibilityLevels.All)
            CompatibilityChecker.Check(level, FakeSchema.Of(1), []).IsCompatible.ShouldBeTrue();
    }

    [Fact]
    public void A_different_format_is_never_compatible()
    {
        var json = FakeSchema.Of(1);
        var avro = new FakeSchema(new HashSet<int> { 1 }, type: "AVRO");
        var changes = CompatibilityChecker.BreakingChanges(avro, json);
        changes.ShouldHaveSingleItem().Kind.ShouldBe(CommonChangeKinds.SchemaTypeChanged);
        CompatibilityChecker.Check(CompatibilityLevel.Backward, avro, History(json)).IsCompatible.ShouldBeFalse();
    }

    [Fact]
    public void Verdict_per_level_agrees_with_check_at_each_level()
    {
        var history = History(FakeSchema.Of(1, 2, 3), FakeSchema.Of(1, 2));
        var candidate = FakeSchema.Of(1, 2, 4);
        var verdicts = CompatibilityChecker.VerdictPerLevel(candidate, history);
        foreach (var level in CompatibilityLevels.All)
            verdicts[level].ShouldBe(CompatibilityChecker.Check(level, candidate, history).IsCompatible, level.ToString());
    }

    [Theory]
    [InlineData(CompatibilityLevel.Backward)]
    [InlineData(CompatibilityLevel.BackwardTransitive)]
    [InlineData(CompatibilityLevel.Full)]
    [InlineData(CompatibilityLevel.FullTransitive)]
    public void Backward_levels_hand_back_the_full_diff_from_the_latest_version(CompatibilityLevel level)
    {
        // A registration proposes its semver from this diff: it must be the whole diff (compatible changes and
        // annotations included), and computed once per earlier version and direction.
        var latest = new CountingSchema(FakeSchema.Of(1, 2));
        var first = new CountingSchema(FakeSchema.Of(1));
        var history = new List<VersionedSchema> { new(1, first), new(2, latest) };
        var candidate = new CountingSchema(new FakeSchema(new HashSet<int> { 1, 2, 3 }, "documented"));

        var report = CompatibilityChecker.Check(level, candidate, history, out var latestChanges);

        report.IsCompatible.ShouldBe(!level.ChecksForward());
        latestChanges.ShouldNotBeNull();
        latestChanges.ShouldBe(candidate.Inner.DiffFrom(latest.Inner));
        latestChanges.Select(c => c.Kind).ShouldBe(["VALUE_ADDED", "DESCRIPTION_CHANGED"]);
        candidate.Diffs.ShouldBe(level.IsTransitive() ? 2 : 1);
        latest.Diffs.ShouldBe(level.ChecksForward() ? 1 : 0);
    }

    [Fact]
    public void A_transitive_check_met_again_diffs_only_the_latest_version_and_reaches_the_same_verdict()
    {
        // The same parsed schemas under a second subject with the same history: the earlier versions' breaking
        // changes come from the memo; the latest is diffed again (its full diff feeds the semver).
        var first = new CountingSchema(FakeSchema.Of(1, 5));
        var latest = new CountingSchema(FakeSchema.Of(1, 2));
        var history = new List<VersionedSchema> { new(1, first), new(2, latest) };
        var candidate = new CountingSchema(FakeSchema.Of(1, 2, 3));

        var once = CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, candidate, history);
        candidate.Diffs.ShouldBe(2);
        var again = CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, candidate, history, out var latestChanges);

        candidate.Diffs.ShouldBe(3);
        latestChanges.ShouldBe(candidate.Inner.DiffFrom(latest.Inner));
        again.IsCompatible.ShouldBeFalse();
        again.Violations.ShouldBe(once.Violations);
        again.Violations.Single().AgainstVersion.ShouldBe(1);
    }

    [Fact]
    public void The_memo_never_answers_for_a_different_schema_with_equal_content()
    {
        var history = History(FakeSchema.Of(1, 5), FakeSchema.Of(1, 2));
        CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, FakeSchema.Of(1, 2, 5), history).IsCompatible.ShouldBeTrue();
        var twin = new CountingSchema(FakeSchema.Of(1, 2, 5));
        CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, twin, history).IsCompatible.ShouldBeTrue();
        twin.Diffs.ShouldBe(2);
    }

    [Theory]
    [InlineData(CompatibilityLevel.None)]
    [InlineData(CompatibilityLevel.Forward)]
    [InlineData(CompatibilityLevel.ForwardTransitive)]
    public void Levels_that_do_not_diff_the_candidate_against_the_latest_hand_back_nothing(CompatibilityLevel level)
    {
        CompatibilityChecker.Check(level, FakeSchema.Of(1), History(FakeSchema.Of(1, 2)), out var latestChanges);
        latestChanges.ShouldBeNull();
    }

    /// <summary>Counts the diffs it is asked for.</summary>
    private sealed class CountingSchema(FakeSchema inner) : IParsedSchema
    {
        public FakeSchema Inner => inner;
        public int Diffs { get; private set; }
        public string SchemaType => inner.SchemaType;
        public string CanonicalText => inner.CanonicalText;
        public IReadOnlyList<SchemaReference> References => inner.References;
        public IDataValidator CompileValidator() => inner.CompileValidator();

        public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous)
        {
            Diffs++;
            return inner.DiffFrom(previous is CountingSchema counting ? counting.Inner : previous);
        }
    }

    private static Arbitrary<FakeSchema> Schemas() =>
        Gen.Choose(0, 6).ListOf().Select(values => FakeSchema.Of([.. values])).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Every_schema_is_compatible_with_itself_at_every_level() =>
        Prop.ForAll(Schemas(), schema =>
            CompatibilityLevels.All.All(level => CompatibilityChecker.Check(level, schema, History(schema)).IsCompatible));

    [Property(MaxTest = 300)]
    public Property Forward_of_a_b_equals_backward_of_b_a() =>
        Prop.ForAll(Schemas(), Schemas(), (a, b) =>
            CompatibilityChecker.Check(CompatibilityLevel.Forward, a, History(b)).IsCompatible ==
            CompatibilityChecker.Check(CompatibilityLevel.Backward, b, History(a)).IsCompatible);

    [Property(MaxTest = 300)]
    public Property Full_is_backward_and_forward() =>
        Prop.ForAll(Schemas(), Schemas(), (a, b) =>
            CompatibilityChecker.Check(CompatibilityLevel.Full, a, History(b)).IsCompatible ==
            (CompatibilityChecker.Check(CompatibilityLevel.Backward, a, History(b)).IsCompatible &&
             CompatibilityChecker.Check(CompatibilityLevel.Forward, a, History(b)).IsCompatible));

    [Theory]
    [InlineData("backward_transitive", CompatibilityLevel.BackwardTransitive)]
    [InlineData("FULL", CompatibilityLevel.Full)]
    [InlineData(" none ", CompatibilityLevel.None)]
    public void Parses_wire_names(string text, CompatibilityLevel expected)
    {
        CompatibilityLevels.TryParse(text, out var level).ShouldBeTrue();
        level.ShouldBe(expected);
        CompatibilityLevels.TryParse(level.ToWire(), out var roundTrip).ShouldBeTrue();
        roundTrip.ShouldBe(level);
    }

    [Fact]
    public void Refuses_unknown_levels() => CompatibilityLevels.TryParse("SIDEWAYS", out _).ShouldBeFalse();
}
