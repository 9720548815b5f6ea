import { Body, Controller, Get, Headers, Injectable, Patch } from '@nestjs/common';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { IsString } from 'class-validator';
import { useControllerTestApp } from './controller-test-app';

class RenameDto {
  @IsString()
  name: string;
}

@Injectable()
class ThingsService {
  rename(_name: string, _ifMatch: string | undefined) {
    return { ok: true };
  }
}

@Controller('things')
class ThingsController {
  constructor(private readonly things: ThingsService) {}

  @Get('me')
  me(@CurrentUser() principal: Principal) {
    return principal;
  }

  @Patch('x')
  @Roles('admin')
  rename(@Body() dto: RenameDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.things.rename(dto.name, ifMatch);
  }
}

describe('useControllerTestApp', () => {
  const service = { rename: jest.fn(() => ({ ok: true })) };
  const api = useControllerTestApp({
    controllers: [ThingsController],
    providers: [{ provide: ThingsService, useValue: service }],
  });

  it('signs tokens the real guards accept, with defaults the caller may override', async () => {
    await api.http().get('/things/me').expect(401);
    const me = await api.as(['employee'], { name: '山田 花子 🌸' }).get('/things/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'p-1', name: '山田 花子 🌸', roles: ['employee'], timeZone: 'Asia/Tokyo' });
  });

  it('enforces roles and validation; a version becomes If-Match', async () => {
    expect((await api.as(['agent']).patch('/things/x', { name: 'n' })).status).toBe(403);
    const bad = await api.as(['admin']).patch('/things/x', { name: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('name');
    expect(service.rename).not.toHaveBeenCalled();
    expect((await api.as(['admin']).patch('/things/x', { name: 'n' }, 3)).status).toBe(200);
    expect(service.rename).toHaveBeenCalledWith('n', '"3"');
  });

  it('clears the stubs before each test', () => {
    expect(service.rename).not.toHaveBeenCalled();
  });
});
