// The instance id of a dynamic route segment. Next 16 hands segments to pages still
// percent-encoded ("a%20b"): decode once; a malformed escape stays as typed.

export type InstanceParams = Promise<{ id: string }>;

export async function instanceIdOf(params: InstanceParams): Promise<string> {
  const { id } = await params;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
