import NIOCore
import NIOPosix

extension ServiceMain {
    /// Makes the NIO event loops (``MultiThreadedEventLoopGroup/singleton``, one thread per core, the threads that
    /// already do the service's network I/O) Swift Concurrency's global executor.
    ///
    /// Without it every request hops between two thread pools: the event loop reads it, a Concurrency thread runs the
    /// handler, an event loop writes the query, another hop brings the answer back. On a small machine those wake-ups
    /// and context switches cost as much CPU as the handlers. Work that blocks (bcrypt) already runs on
    /// `NIOThreadPool`, never on these threads.
    ///
    /// Call it first thing in `main`, before any task exists.
    public static func runConcurrencyOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
