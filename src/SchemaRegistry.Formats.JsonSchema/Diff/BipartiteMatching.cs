namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// Maximum bipartite matching by augmenting paths (Kuhn's algorithm): pairs old alternatives with new ones so that
/// reordered or edited <c>anyOf</c>/<c>oneOf</c> branches are compared with their counterparts, whatever their order.
/// Alternatives are few, so the simple O(V·E) algorithm is plenty.
/// </summary>
internal static class BipartiteMatching
{
    /// <summary>For each left vertex, the matched right vertex or -1. <paramref name="edges"/>[l] lists l's candidates, best first.</summary>
    public static int[] Match(IReadOnlyList<IReadOnlyList<int>> edges, int rightCount)
    {
        var leftOf = Enumerable.Repeat(-1, rightCount).ToArray();
        var rightOf = Enumerable.Repeat(-1, edges.Count).ToArray();
        for (var left = 0; left < edges.Count; left++)
        {
            var visited = new bool[rightCount];
            Augment(left, edges, leftOf, rightOf, visited);
        }
        return rightOf;
    }

    private static bool Augment(int left, IReadOnlyList<IReadOnlyList<int>> edges, int[] leftOf, int[] rightOf, bool[] visited)
    {
        // An augmenting path is as long as there are alternatives.
        Support.InlineStack.EnsureRoom();
        foreach (var right in edges[left])
        {
            if (visited[right]) continue;
            visited[right] = true;
            if (leftOf[right] == -1 || Augment(leftOf[right], edges, leftOf, rightOf, visited))
            {
                leftOf[right] = left;
                rightOf[left] = right;
                return true;
            }
        }
        return false;
    }
}
