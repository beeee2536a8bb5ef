import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** The columns and fields every file kept through the storage interface (file-storage.ts) has:
 * meeting attachments and evaluation photos extend it with what they belong to. */
@ObjectType({ description: 'a stored file (abstract base, not in the schema by itself)' })
export abstract class StoredFile {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Field()
  @Column({ name: 'mime_type', type: 'text' })
  mimeType: string;

  @Field(() => Int)
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Field({ description: 'SHA-256 of the content, hex' })
  @Column({ type: 'text' })
  sha256: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
