using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Kestrel's buffers in 64 KiB blocks instead of its default 4 KiB ones. The socket transport receives into one block
/// per read, so a 1.7 MB batch of documents took ~334 <c>recv</c> calls (strace, under the batch load); with these
/// blocks it takes ~48. Blocks come from <see cref="ArrayPool{T}.Shared"/>, which caches them per core and trims what
/// goes unused; a connection holds one while it reads, as it held a 4 KiB one before.
/// </summary>
internal sealed class ReceiveBlockPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new ReceiveBlockPool();
}

/// <inheritdoc cref="ReceiveBlockPoolFactory"/>
internal sealed class ReceiveBlockPool : MemoryPool<byte>
{
    /// <summary>The size of every block.</summary>
    public const int BlockSize = 64 * 1024;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        return new Block(ArrayPool<byte>.Shared.Rent(BlockSize));
    }

    protected override void Dispose(bool disposing)
    {
    }

    private sealed class Block(byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            var array = Interlocked.Exchange(ref _array, null);
            if (array is not null) ArrayPool<byte>.Shared.Return(array);
        }
    }
}
