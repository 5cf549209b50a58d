using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Core.Tests.Lifecycle;

public class VersionStatesTests
{
    [Theory]
    [InlineData(VersionState.Draft, VersionState.Active)]
    [InlineData(VersionState.Draft, VersionState.Archived)]
    [InlineData(VersionState.Active, VersionState.Deprecated)]
    [InlineData(VersionState.Active, VersionState.Archived)]
    [InlineData(VersionState.Deprecated, VersionState.Archived)]
    [InlineData(VersionState.Deprecated, VersionState.Active)]
    public void Allowed_moves(VersionState from, VersionState to) => VersionStates.CanMove(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(VersionState.Active, VersionState.Draft)]
    [InlineData(VersionState.Deprecated, VersionState.Draft)]
    [InlineData(VersionState.Archived, VersionState.Active)]
    [InlineData(VersionState.Archived, VersionState.Deprecated)]
    [InlineData(VersionState.Archived, VersionState.Draft)]
    [InlineData(VersionState.Draft, VersionState.Deprecated)]
    public void Refused_moves(VersionState from, VersionState to) => VersionStates.CanMove(from, to).ShouldBeFalse();

    [Fact]
    public void Archived_is_final() => VersionStates.NextStates(VersionState.Archived).ShouldBeEmpty();

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var state in Enum.GetValues<VersionState>())
        {
            VersionStates.TryParse(state.ToWire().ToLowerInvariant(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(state);
        }
        VersionStates.TryParse("RETIRED", out _).ShouldBeFalse();
    }
}
