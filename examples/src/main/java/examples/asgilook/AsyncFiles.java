package examples.asgilook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/** Whole-file reads and writes that do not block the caller. Falcon: the tutorial's aiofiles. */
final class AsyncFiles {

    private AsyncFiles() {
    }

    /** Writes {@code data} to {@code path}, replacing it. */
    static CompletableFuture<Void> write(Path path, byte[] data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsynchronousFileChannel channel;
        try {
            channel = AsynchronousFileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        channel.write(buffer, 0, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer written, Void attachment) {
                if (buffer.hasRemaining()) {
                    channel.write(buffer, buffer.position(), null, this);
                } else {
                    closeThen(channel, done, null);
                }
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                closeThen(channel, done, failure);
            }
        });
        return done;
    }

    /** Reads all of {@code path}. */
    static CompletableFuture<byte[]> readAll(Path path) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsynchronousFileChannel channel;
        ByteBuffer buffer;
        try {
            channel = AsynchronousFileChannel.open(path, StandardOpenOption.READ);
            buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        } catch (IOException | ArithmeticException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        channel.read(buffer, 0, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer read, Void attachment) {
                if (read >= 0 && buffer.hasRemaining()) {
                    channel.read(buffer, buffer.position(), null, this);
                } else {
                    closeThen(channel, done, null);
                }
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                closeThen(channel, done, failure);
            }
        });
        return done.thenApply(ignored -> buffer.array());
    }

    private static void closeThen(AsynchronousFileChannel channel, CompletableFuture<Void> done, Throwable failure) {
        try {
            channel.close();
        } catch (IOException ex) {
            if (failure == null) {
                failure = ex;
            }
        }
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(null);
        }
    }
}
