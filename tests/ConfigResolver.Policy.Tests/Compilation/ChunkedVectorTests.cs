using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Tests.Compilation;

public sealed class ChunkedVectorTests
{
    private const int Chunk = ChunkedVector<int>.ChunkSize;

    public static TheoryData<int> Sizes() => [0, 1, Chunk - 1, Chunk, Chunk + 1, 3 * Chunk + 17];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void From_keeps_every_element_in_order_and_CopyTo_returns_them(int size)
    {
        var items = Enumerable.Range(0, size).Select(static i => i * 3).ToArray();
        var vector = ChunkedVector<int>.From(items);

        Assert.Equal(size, vector.Count);
        Assert.Equal(items, Enumerable.Range(0, size).Select(i => vector[i]));
        var copy = new int[size];
        vector.CopyTo(copy);
        Assert.Equal(items, copy);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_derived_vector_has_the_edits_and_the_origin_is_unchanged(int size)
    {
        var origin = ChunkedVector<int>.From(Enumerable.Range(0, size).ToArray());
        var builder = origin.ToBuilder();
        for (var i = 0; i < size; i += 7)
        {
            builder[i] = -i - 1;
        }

        for (var i = 0; i < Chunk + 5; i++)
        {
            builder.Add(1_000_000 + i);
        }

        var derived = builder.ToVector();

        Assert.Equal(Enumerable.Range(0, size), Enumerable.Range(0, size).Select(i => origin[i]));
        Assert.Equal(size + Chunk + 5, derived.Count);
        for (var i = 0; i < derived.Count; i++)
        {
            var expected = i >= size ? 1_000_000 + i - size : i % 7 == 0 ? -i - 1 : i;
            Assert.Equal(expected, derived[i]);
        }
    }

    [Fact]
    public void Appending_to_a_vector_with_a_short_last_chunk_leaves_the_shared_chunk_alone()
    {
        var origin = ChunkedVector<string>.From(["a", "b", "c"]);
        var first = origin.ToBuilder();
        first.Add("d");
        var second = origin.ToBuilder();
        second.Add("x");

        var (one, two) = (first.ToVector(), second.ToVector());

        Assert.Equal(3, origin.Count);
        Assert.Equal("d", one[3]);
        Assert.Equal("x", two[3]);
        Assert.Equal("c", two[2]);
    }

    [Fact]
    public void A_new_vector_reads_as_default_values_and_ItemRef_reads_what_the_indexer_reads()
    {
        var vector = ChunkedVector<(long, string?)>.NewBuilder(Chunk + 3).ToVector();
        var builder = vector.ToBuilder();
        builder[Chunk + 1] = (5, "five");
        var derived = builder.ToVector();

        Assert.Equal(default, vector[Chunk + 1]);
        Assert.Equal((5L, "five"), derived.ItemRef(Chunk + 1));
        Assert.Equal(derived[Chunk + 2], derived.ItemRef(Chunk + 2));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(Chunk + 3)]
    public void A_new_builder_is_filled_in_place_and_can_still_grow(int size)
    {
        var builder = ChunkedVector<int>.NewBuilder(size);
        for (var i = 0; i < size; i++)
        {
            builder[i] = i + 1;
        }

        builder.Add(-1);
        builder.Add(-2);
        var vector = builder.ToVector();

        Assert.Equal(size + 2, vector.Count);
        Assert.Equal(Enumerable.Range(1, size).Concat([-1, -2]), Enumerable.Range(0, vector.Count).Select(i => vector[i]));
    }
}
