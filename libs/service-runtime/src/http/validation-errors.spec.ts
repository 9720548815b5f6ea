import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsString, MaxLength, ValidateNested } from 'class-validator';
import { createValidationPipe, RequestValidationException } from './validation-errors';

class AddressDto {
  @IsString()
  city: string;
}
class PersonDto {
  @IsEmail()
  email: string;
  @IsString()
  @MaxLength(5)
  name: string;
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const meta: ArgumentMetadata = { type: 'body', metatype: PersonDto };

  it('reports one detail per bad field, nested paths dotted, unknown fields refused', async () => {
    const error = await pipe
      .transform({ email: 'nope', name: '山田太郎です', address: { city: 1 }, admin: true }, meta)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RequestValidationException);
    const fields = (error as RequestValidationException).details.map((d) => d.field).sort();
    expect(fields).toEqual(['address.city', 'admin', 'email', 'name']);
  });

  it('passes valid Japanese input through unchanged', async () => {
    const value = await pipe.transform({ email: 'taro@example.com', name: '山田', address: { city: '東京' } }, meta);
    expect(value).toBeInstanceOf(PersonDto);
    expect(value.address.city).toBe('東京');
  });
});
