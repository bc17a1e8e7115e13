using ConfigResolver.Cli.Inputs;

namespace ConfigResolver.Cli.Tests.Inputs;

public sealed class RequestLineTests
{
    [Fact]
    public void A_line_becomes_the_values_go_casbins_harness_passes()
    {
        Assert.True(RequestLine.TryParse("""["alice", 3, {"Owner": "bob", "Age": 30, "Tags": ["a"], "Admin": true, "Note": null}, false]""", out var values, out _, out _));

        Assert.Equal("alice", values[0]);
        Assert.Equal(3.0, values[1]);
        var obj = Assert.IsType<Dictionary<string, object?>>(values[2]);
        Assert.Equal(("bob", 30.0, true), (obj["Owner"], obj["Age"], obj["Admin"]));
        Assert.Equal(["a"], Assert.IsType<object?[]>(obj["Tags"]));
        Assert.Null(obj["Note"]);
        Assert.Equal(false, values[3]);
    }

    [Theory]
    [InlineData("""{"sub": "alice"}""", 1)]
    [InlineData("""   "alice" """, 4)]
    [InlineData("""["alice", """, 11)]
    [InlineData("""alice, data1, read""", 1)]
    public void A_line_that_is_not_a_json_array_is_refused_with_a_column(string line, int column)
    {
        Assert.False(RequestLine.TryParse(line, out _, out var at, out var error));

        Assert.Equal(column, at);
        Assert.NotNull(error);
    }
}
