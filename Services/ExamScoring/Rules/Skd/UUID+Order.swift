import Foundation

extension UUID {
    /// Compares the 16 bytes in order: a total order that matches the order of the uppercase text.
    func precedesBytewise(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { left in
            withUnsafeBytes(of: other.uuid) { right in left.lexicographicallyPrecedes(right) }
        }
    }
}
