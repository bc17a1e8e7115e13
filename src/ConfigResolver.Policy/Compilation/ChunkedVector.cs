using System.Runtime.CompilerServices;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// An immutable vector stored as fixed-size chunks behind one small array of chunk references. A derived vector shares
/// every chunk it does not write: setting or appending copies the touched chunks (at most <see cref="ChunkSize"/>
/// elements each) and the chunk array (one reference per <see cref="ChunkSize"/> elements), never the whole content.
/// Reading an element is two array loads. This is what lets one rule change cost microseconds at 100,000 rules.
/// </summary>
/// <remarks>Immutable; safe for concurrent readers. Chunks are never written once a vector holding them is published.</remarks>
internal sealed class ChunkedVector<T>
{
    /// <summary>Elements per chunk: 512 (4 KB of references, 8 KB of 16-byte structs).</summary>
    public const int ChunkSize = 1 << Shift;

    private const int Shift = 9;
    private const int Mask = ChunkSize - 1;

    public static readonly ChunkedVector<T> Empty = new([], 0);

    private readonly T[][] _chunks;

    private ChunkedVector(T[][] chunks, int count)
    {
        _chunks = chunks;
        Count = count;
    }

    public int Count { get; }

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _chunks[index >> Shift][index & Mask];
    }

    /// <summary>The element at <paramref name="index"/>, by reference (no copy of a large struct).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly T ItemRef(int index) => ref _chunks[index >> Shift][index & Mask];

    /// <summary>A vector holding a copy of <paramref name="items"/>.</summary>
    public static ChunkedVector<T> From(ReadOnlySpan<T> items)
    {
        var chunks = new T[(items.Length + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            // The last chunk holds exactly what is left: a builder widens it when it first writes it.
            var start = c << Shift;
            chunks[c] = items.Slice(start, Math.Min(ChunkSize, items.Length - start)).ToArray();
        }

        return new ChunkedVector<T>(chunks, items.Length);
    }

    /// <summary>
    /// A builder over <paramref name="count"/> default elements whose chunks are its own from the start, so a table can be
    /// filled in place at build time without a flat array and a copy.
    /// </summary>
    public static Builder NewBuilder(int count)
    {
        // The last chunk holds exactly what is left (a small table stays small); Add widens it when it must.
        var chunks = new T[(count + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[Math.Min(ChunkSize, count - (c << Shift))];
        }

        return new Builder(chunks, count);
    }

    /// <summary>Copies every element, in order, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        for (var c = 0; c < _chunks.Length; c++)
        {
            var start = c << Shift;
            _chunks[c].AsSpan(0, Math.Min(ChunkSize, Count - start)).CopyTo(destination[start..]);
        }
    }

    /// <summary>A builder that starts from this vector and copies a chunk only the first time it writes it.</summary>
    public Builder ToBuilder() => new(this);

    /// <summary>Copy-on-write edits of one vector; <see cref="ToVector"/> publishes them. Not thread-safe.</summary>
    internal sealed class Builder
    {
        private T[][] _chunks;
        private bool[] _owned;

        public Builder(ChunkedVector<T> origin)
        {
            _chunks = (T[][])origin._chunks.Clone();
            _owned = new bool[_chunks.Length];
            Count = origin.Count;
        }

        internal Builder(T[][] ownChunks, int count)
        {
            _chunks = ownChunks;
            _owned = new bool[ownChunks.Length];
            Array.Fill(_owned, true);
            Count = count;
        }

        public int Count { get; private set; }

        public T this[int index]
        {
            get => _chunks[index >> Shift][index & Mask];
            set => Writable(index >> Shift)[index & Mask] = value;
        }

        public void Add(T item)
        {
            var chunk = Count >> Shift;
            if (chunk == _chunks.Length)
            {
                Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
                Array.Resize(ref _owned, _chunks.Length);
            }

            if (_chunks[chunk] is null)
            {
                _chunks[chunk] = new T[ChunkSize];
                _owned[chunk] = true;
            }

            var target = Writable(chunk);
            if (target.Length <= (Count & Mask))
            {
                Array.Resize(ref target, ChunkSize);
                _chunks[chunk] = target;
            }

            target[Count & Mask] = item;
            Count++;
        }

        /// <summary>The vector as edited. The builder must not be used afterwards.</summary>
        public ChunkedVector<T> ToVector()
        {
            var used = (Count + Mask) >> Shift;
            return new ChunkedVector<T>(used == _chunks.Length ? _chunks : _chunks[..used], Count);
        }

        private T[] Writable(int chunk)
        {
            if (!_owned[chunk])
            {
                var copy = new T[ChunkSize];
                _chunks[chunk].CopyTo(copy, 0);
                _chunks[chunk] = copy;
                _owned[chunk] = true;
            }

            return _chunks[chunk];
        }
    }
}
